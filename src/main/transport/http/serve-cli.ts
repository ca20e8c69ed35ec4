// `npm run web`: serves the built renderer to a browser, for machines where the Electron window
// can't open. The services run in a backend child process (app/backend-process.ts), restarted
// by the supervisor if it crashes; this process only serves HTTP and relays.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackendSupervisor } from '../backend-supervisor';
import { nodeBackendSpawner } from '../node-backend-spawner';
import { startLocalServer } from './local-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['REHEARSE_PORT'] ?? '0' },
    'static-dir': {
      type: 'string',
      default: path.resolve(import.meta.dirname, '../../../../out/renderer'),
    },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

try {
  const backend = await BackendSupervisor.start({ spawn: nodeBackendSpawner() });
  const server = await startLocalServer({
    registry: backend,
    events: backend,
    staticDir: values['static-dir'],
    port,
  });
  console.log(`Rehearse data: ${backend.dataDir}`);
  console.log(`Rehearse is running at ${server.url}`);
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');
  // Once: Ctrl+C reaches npm and tsx too, which pass on signals of their own.
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
