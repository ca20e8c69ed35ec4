import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The database file inside a data folder. */
export const DATABASE_FILE = 'rehearse.db';

export const APP_NAME = 'Rehearse';

/**
 * Where Rehearse keeps its database, models and recordings: REHEARSE_DATA_DIR when set (lab
 * machines, tests), otherwise the OS's per-user folder for local, non-roaming application data
 * (models and recordings run to gigabytes, which must not travel with a roaming Windows profile
 * or a synced ~/.config). The desktop app, `npm run web` and the CLI all use this folder.
 *
 * A data folder in the place earlier versions used (%APPDATA%, ~/.config) is still used while
 * the new place has no database, so nobody's history disappears; moving it is left to them.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  hasDatabase: (dir: string) => boolean = (dir) => fs.existsSync(path.join(dir, DATABASE_FILE)),
): string {
  const override = env['REHEARSE_DATA_DIR'];
  if (override && override.trim() !== '') return path.resolve(override);
  const { current, earlier } = defaultDataDirs(env, platform);
  return earlier && !hasDatabase(current) && hasDatabase(earlier) ? earlier : current;
}

function defaultDataDirs(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): { current: string; earlier: string | null } {
  const home = os.homedir();
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const join = (...parts: string[]) => paths.join(...parts);
  switch (platform) {
    case 'win32':
      return {
        current: join(env['LOCALAPPDATA'] || join(home, 'AppData', 'Local'), APP_NAME),
        earlier: join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), APP_NAME),
      };
    case 'darwin':
      // Application Support is local on macOS (iCloud does not sync it).
      return { current: join(home, 'Library', 'Application Support', APP_NAME), earlier: null };
    default:
      return {
        current: join(env['XDG_DATA_HOME'] || join(home, '.local', 'share'), APP_NAME),
        earlier: join(env['XDG_CONFIG_HOME'] || join(home, '.config'), APP_NAME),
      };
  }
}

/**
 * Where the desktop app puts Chromium's own profile (caches, local storage) and its logs: inside
 * the data folder, so one folder is everything Rehearse keeps, and Electron's single-instance
 * lock (which lives in this profile) is per data folder, like the data lock.
 */
export function desktopPaths(dataDir: string): { userData: string; logs: string } {
  return { userData: path.join(dataDir, 'electron'), logs: path.join(dataDir, 'logs') };
}
