import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Rehearse';

/**
 * Where Rehearse keeps its database and recordings: REHEARSE_DATA_DIR when set (lab machines,
 * tests), otherwise the OS's per-user app-data folder — the same folder Electron's
 * app.getPath('userData') gives, so the CLI and the desktop app share data.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const override = env['REHEARSE_DATA_DIR'];
  if (override && override.trim() !== '') return path.resolve(override);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), APP_NAME);
  }
}
