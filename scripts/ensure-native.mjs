// Makes sure better-sqlite3 loads in this Node. After `npm start` rebuilt it for Electron, the
// tests and the CLI would crash with an ABI mismatch; this rebuilds it for Node instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    console.warn(
      `better-sqlite3 does not load in Node ${process.version}: ${error.message.split('\n')[0]}`,
    );
    return false;
  }
}

if (!loads()) {
  console.warn('Rebuilding better-sqlite3 for Node (about a minute)...');
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !loads()) {
    console.error('better-sqlite3 could not be rebuilt for Node; run `npm ci` again.');
    process.exit(1);
  }
}
