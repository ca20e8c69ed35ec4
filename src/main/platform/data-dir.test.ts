import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPaths, resolveDataDir } from './data-dir';

const home = os.homedir();
const none = () => false;

describe('the data folder', () => {
  it('is the local, non-roaming app-data folder of each OS', () => {
    expect(resolveDataDir({ LOCALAPPDATA: 'C:\\Users\\zoe\\AppData\\Local' }, 'win32', none)).toBe(
      'C:\\Users\\zoe\\AppData\\Local\\Rehearse',
    );
    expect(resolveDataDir({}, 'linux', none)).toBe(path.join(home, '.local/share/Rehearse'));
    expect(resolveDataDir({ XDG_DATA_HOME: '/data/zoe' }, 'linux', none)).toBe(
      '/data/zoe/Rehearse',
    );
    expect(resolveDataDir({}, 'darwin', none)).toBe(
      path.join(home, 'Library/Application Support/Rehearse'),
    );
  });

  it('is REHEARSE_DATA_DIR when set', () => {
    expect(resolveDataDir({ REHEARSE_DATA_DIR: '/labs/rehearse' }, 'linux', none)).toBe(
      '/labs/rehearse',
    );
  });

  it('stays where an earlier version put the database until the new place has one', () => {
    const roaming = 'C:\\Users\\zoe\\AppData\\Roaming\\Rehearse';
    const local = 'C:\\Users\\zoe\\AppData\\Local\\Rehearse';
    const env = {
      APPDATA: 'C:\\Users\\zoe\\AppData\\Roaming',
      LOCALAPPDATA: 'C:\\Users\\zoe\\AppData\\Local',
    };
    expect(resolveDataDir(env, 'win32', (dir) => dir === roaming)).toBe(roaming);
    expect(resolveDataDir(env, 'win32', () => true)).toBe(local);
    const config = path.join(home, '.config/Rehearse');
    expect(resolveDataDir({}, 'linux', (dir) => dir === config)).toBe(config);
  });

  it('holds the desktop app’s Chromium profile and logs', () => {
    expect(desktopPaths('/d')).toEqual({ userData: '/d/electron', logs: '/d/logs' });
  });
});
