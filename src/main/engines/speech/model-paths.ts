// Where the speech models are. The one place that finds them: a --model flag, then the model
// manager's choice (REHEARSE_WHISPER_MODEL / REHEARSE_VAD_MODEL, then the active or latest
// installed model), then the first .bin dropped by hand into <dataDir>/models/<kind>/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../platform/errors';
import { resolveInstalledModel } from '../models/resolve';

export type SpeechModelKind = 'whisper' | 'vad';

const ENV_VARS: Record<SpeechModelKind, string> = {
  whisper: 'REHEARSE_WHISPER_MODEL',
  vad: 'REHEARSE_VAD_MODEL',
};

export interface SpeechModelPaths {
  readonly whisper: string | null;
  readonly vad: string | null;
}

export function resolveSpeechModels(options: {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** From a --model / --vad flag: wins over everything else. */
  whisper?: string | null | undefined;
  vad?: string | null | undefined;
}): SpeechModelPaths {
  const env = options.env ?? process.env;
  return {
    whisper: resolveOne('whisper', options.whisper, options.dataDir, env),
    vad: resolveOne('vad', options.vad, options.dataDir, env),
  };
}

function resolveOne(
  kind: SpeechModelKind,
  flag: string | null | undefined,
  dataDir: string,
  env: NodeJS.ProcessEnv,
): string | null {
  const explicit = flag ?? env[ENV_VARS[kind]];
  if (explicit && explicit.trim() !== '') {
    const file = path.resolve(explicit);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      throw new AppError(
        'VALIDATION',
        `The ${kind === 'vad' ? 'VAD' : 'Whisper'} model "${explicit}" was not found (a ggml .bin file is expected).`,
      );
    }
    return file;
  }
  const installed = resolveInstalledModel(dataDir, kind, env);
  if (installed) return installed.path;
  const folder = path.join(dataDir, 'models', kind);
  if (!fs.existsSync(folder)) return null;
  const files = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.bin'))
    .map((d) => d.name)
    .sort();
  return files[0] ? path.join(folder, files[0]) : null;
}

const idCache = new Map<string, string>();

/**
 * "file-name@sha256-prefix": stored with every transcript so a result can be traced to the exact
 * model file. Hashing a 466 MB model takes ~1 s, so ids are cached per path, size and mtime.
 */
export function modelIdOf(file: string): string {
  const stat = fs.statSync(file);
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  const cached = idCache.get(key);
  if (cached) return cached;
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  const id = `${path.basename(file)}@${hash.digest('hex').slice(0, 12)}`;
  idCache.set(key, id);
  return id;
}
