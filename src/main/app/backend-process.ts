// The backend process: Rehearse's services, database, job queue and engines, run apart from the
// window (Electron's utility process) or the HTTP server (`npm run web`'s Node child), so a
// native crash in an engine cannot take the window or the server down with it; the parent's
// supervisor (transport/backend-supervisor.ts) starts a fresh one instead. Plain Node: the
// channel is Electron's `process.parentPort` when there is one, the Node IPC channel otherwise.
import { parseArgs } from 'node:util';
import type { AppInfo } from '../../shared/contract';
import { resolveDataDir } from '../platform/data-dir';
import { serveBackend } from './backend-host';
import type { BackendMessage, MessageChannelEnd } from './backend-protocol';
import { startRehearse } from './rehearse-app';

/** The part of Electron's utility-process `process.parentPort` this file uses. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

interface ProcessChannel extends MessageChannelEnd<BackendMessage> {
  /** Resolves once every message sent so far has left the process (sent before exiting). */
  drained(): Promise<void>;
}

function channelToParent(): ProcessChannel {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort;
  if (parentPort)
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      // postMessage hands the message over at once.
      drained: () => new Promise((resolve) => setImmediate(resolve)),
    };
  const send = process.send?.bind(process);
  if (!send) throw new Error('The backend must be started by Rehearse (it has no parent channel).');
  let last: Promise<void> = Promise.resolve();
  return {
    send: (message) => {
      // After the parent left there is no one to tell; closing goes on regardless.
      if (!process.connected) return;
      last = new Promise((resolve) => send(message, undefined, {}, () => resolve()));
    },
    onMessage: (listener) => process.on('message', listener),
    drained: () => last,
  };
}

function readArgs(): { transport: AppInfo['transport']; electronDev: boolean } {
  const { values } = parseArgs({
    options: {
      transport: { type: 'string', default: 'web' },
      'electron-dev': { type: 'boolean', default: false },
    },
    strict: false,
  });
  return {
    transport: values.transport === 'electron' ? 'electron' : 'web',
    electronDev: values['electron-dev'] === true,
  };
}

const args = readArgs();
// Electron sets process.defaultApp (a development run) in its main process only;
// storage/native-binding.ts reads it to pick the development build of better-sqlite3.
if (args.electronDev) (process as { defaultApp?: boolean }).defaultApp = true;
const channel = channelToParent();
const backend = serveBackend(
  channel,
  () => startRehearse({ dataDir: resolveDataDir(), transport: args.transport }),
  (code) => void channel.drained().then(() => process.exit(code)),
);
// Ctrl+C in a terminal reaches the whole process group: the parent decides when to stop and
// says so (`shutdown`), so the services are not cut off halfway through closing.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => void backend.close());
// The parent went away without a word (killed): close cleanly rather than hold the data folder.
process.on('disconnect', () => void backend.close());
