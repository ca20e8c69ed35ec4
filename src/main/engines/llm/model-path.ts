import fs from 'node:fs';
import path from 'node:path';
import { resolveInstalledModel } from '../models/resolve';

/** Where the interviewer's language model came from: shown to people and stored with its output. */
export interface LlmModelLocation {
  readonly path: string;
  readonly source: 'flag' | 'env' | 'model-manager' | 'data-dir';
}

/**
 * The one place that finds the LLM file: `--model PATH`, then the model manager's choice
 * (REHEARSE_LLM_MODEL, then the active or latest installed LLM), then the first `*.gguf` (by
 * sorted path) dropped by hand under `<dataDir>/models/llm/`.
 * Returns null when there is none: every model is optional and the bank/template paths take over.
 */
export function findLlmModel(
  dataDir: string,
  options: { flag?: string | undefined; env?: NodeJS.ProcessEnv } = {},
): LlmModelLocation | null {
  if (options.flag) return { path: path.resolve(options.flag), source: 'flag' };
  const env = options.env ?? process.env;
  const configured = env['REHEARSE_LLM_MODEL'];
  if (configured && configured.trim() !== '')
    return { path: path.resolve(configured), source: 'env' };
  const installed = resolveInstalledModel(dataDir, 'llm', env);
  if (installed) return { path: installed.path, source: 'model-manager' };
  const root = path.join(dataDir, 'models', 'llm');
  const found = firstGguf(root, 3);
  return found ? { path: found, source: 'data-dir' } : null;
}

function firstGguf(dir: string, depth: number): string | null {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.isFile() && e.name.toLowerCase().endsWith('.gguf')) return path.join(dir, e.name);
  }
  if (depth === 0) return null;
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const found = firstGguf(path.join(dir, e.name), depth - 1);
    if (found) return found;
  }
  return null;
}
