import { fork } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BackendSpawner } from './backend-supervisor';

/**
 * Starts the backend as a Node child of this process (`npm run web`, tests), from its TypeScript
 * source through tsx, with Node's IPC channel as the message channel. Structured-clone
 * serialization, like Electron's utility-process port, so both carry the same values.
 */
export function nodeBackendSpawner(
  options: { readonly env?: NodeJS.ProcessEnv } = {},
): BackendSpawner {
  const entry = fileURLToPath(new URL('../app/backend-process.ts', import.meta.url));
  if (!fs.existsSync(entry)) throw new Error(`The backend's entry is missing: ${entry}`);
  // An absolute URL, so the child finds tsx whatever its working folder.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return () => {
    const child = fork(entry, ['--transport=web'], {
      execArgv: ['--import', tsx],
      env: options.env ?? process.env,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // A send racing the child's exit fails here; the exit itself is what the supervisor acts on.
    child.on('error', (error) => console.error('[rehearse] background process:', error.message));
    return {
      pid: child.pid,
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) =>
        child.once('exit', (code, signal) =>
          listener(signal ? `was stopped by ${signal}` : `exited with code ${code ?? 'unknown'}`),
        ),
      kill: () => child.kill('SIGKILL'),
    };
  };
}
