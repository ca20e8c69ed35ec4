import path from 'node:path';
import { utilityProcess } from 'electron';
import type { BackendSpawner } from '../transport/backend-supervisor';

/**
 * Starts the backend (the built app/backend-process.ts, beside this bundle's index.js) as an
 * Electron utility process. Its messages travel over the utility process's own port
 * (`postMessage` here, `process.parentPort` there); this process relays the window's calls to
 * it rather than giving the window a port of its own, so the IPC sender check and the save
 * dialog stay here and a restart is invisible to the window (one event aside).
 */
export function utilityBackendSpawner(options: {
  /** The data folder this shell resolved; the backend opens (and locks) exactly this one. */
  readonly dataDir: string;
  readonly devBuild: boolean;
}): BackendSpawner {
  const entry = path.join(import.meta.dirname, 'backend-process.js');
  // Electron marks a development run (process.defaultApp) only in the main process; the backend
  // needs it to load the development build of better-sqlite3, so it is passed on.
  const args = ['--transport=electron', ...(options.devBuild ? ['--electron-dev'] : [])];
  return () => {
    const child = utilityProcess.fork(entry, args, {
      serviceName: 'Rehearse services',
      env: { ...process.env, REHEARSE_DATA_DIR: options.dataDir },
      stdio: 'pipe',
    });
    // Its output goes through this process's console, which the log file tees.
    child.stdout?.on('data', (chunk: Buffer) => console.log(chunk.toString().trimEnd()));
    child.stderr?.on('data', (chunk: Buffer) => console.error(chunk.toString().trimEnd()));
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        try {
          child.postMessage(message);
        } catch (error) {
          // A send racing the exit: the exit itself is what the supervisor acts on.
          console.error('[rehearse] background process:', error);
        }
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(`exited with code ${code}`)),
      kill: () => void child.kill(),
    };
  };
}
