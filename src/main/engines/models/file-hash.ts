import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** Streams a file through sha256: model files are hundreds of MB, never read whole. */
export async function sha256File(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash, { signal });
  return hash.digest('hex');
}

/**
 * Copies `from` to `<to>.part`, hashing on the way, then renames it to `to` — so a half-copied
 * file (a USB stick pulled out) is never mistaken for a model. Returns the sha256 of what was
 * written; when `expectedSha256` is given and differs, the copy is deleted and this throws.
 */
export async function copyVerified(
  from: string,
  to: string,
  expectedSha256: string | null,
  signal?: AbortSignal,
): Promise<string> {
  const part = `${to}.part`;
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(part), { signal });
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw error;
  }
  const digest = hash.digest('hex');
  if (expectedSha256 !== null && digest !== expectedSha256) {
    fs.rmSync(part, { force: true });
    throw new Error(
      `${from} changed while it was copied (sha256 ${digest}, expected ${expectedSha256}); nothing was installed.`,
    );
  }
  fs.renameSync(part, to);
  return digest;
}
