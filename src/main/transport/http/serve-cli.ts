// `npm run web`: runs Rehearse's services and serves the built renderer to a browser, for
// machines where the Electron window can't open (and for the browser tests).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startRehearse } from '../../app/rehearse-app';
import { resolveDataDir } from '../../platform/data-dir';
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
  const dataDir = resolveDataDir();
  const app = await startRehearse({ dataDir, transport: 'web' });
  const server = await startLocalServer({
    registry: app.registry,
    events: app.events,
    staticDir: values['static-dir'],
    port,
  });
  console.log(`Rehearse data: ${dataDir}`);
  console.log(`Rehearse is running at ${server.url}`);
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');
  const shutdown = () => {
    void server
      .close()
      .then(() => app.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
