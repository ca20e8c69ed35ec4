import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker whose entry is `<name>.ts` in `sourceDir`. From the TypeScript source (tests,
 * CLI, `npm run web`) it goes through a bootstrap that registers tsx; from the bundle (Electron),
 * the compiled `<name>.js` beside the main entry is used (electron.vite.config.ts lists each
 * worker as an entry). Returns null when neither exists.
 */
export function startWorkerThread(
  sourceDir: string,
  name: string,
  workerData?: Record<string, unknown>,
): Worker | null {
  const source = path.join(sourceDir, `${name}.ts`);
  if (fs.existsSync(source)) {
    const bootstrap = fileURLToPath(new URL('./worker-bootstrap.mjs', import.meta.url));
    return new Worker(bootstrap, {
      workerData: { ...workerData, entry: pathToFileURL(source).href },
    });
  }
  for (const dir of [sourceDir, path.dirname(sourceDir)]) {
    const compiled = path.join(dir, `${name}.js`);
    if (fs.existsSync(compiled)) return new Worker(compiled, { workerData });
  }
  return null;
}
