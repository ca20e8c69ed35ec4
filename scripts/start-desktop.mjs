// `npm start`: builds Rehearse and opens the desktop window. Electron's binary is fetched the
// first time (that is Electron's own lazy download); better-sqlite3 is built for Electron once.
// Where Electron cannot run, it says so and points to `npm run web`, which serves the same app.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status ?? 1;
}

let electronPath;
try {
  electronPath = require('electron'); // the binary's path; downloads it on first use
} catch (error) {
  console.error(`\nThe Electron binary is not available here (${error.message.split('\n')[0]}).`);
  console.error('Run Rehearse in a browser instead:  npm run web\n');
  process.exit(1);
}
console.log(`Electron: ${electronPath}`);

// better-sqlite3 is compiled for Node by `npm ci`; the desktop window loads a build for Electron's
// ABI from native/ instead, so the Node build the tests and the CLI use is never replaced.
if (run('npx', ['tsx', 'scripts/build-native-electron.ts', '--if-needed']) !== 0) {
  console.error('\nCould not rebuild native modules for Electron. Try `npm run web` instead.\n');
  process.exit(1);
}
process.exit(run('npx', ['electron-vite', 'preview']));
