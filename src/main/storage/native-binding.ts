import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is the one native module built against a runtime's ABI (the others use N-API).
 * Node's build stays where npm put it; Electron's is built into a folder of its own, named by
 * the ABI (`native/better-sqlite3-abi<N>/better_sqlite3.node`, scripts/build-native-electron.mjs),
 * so neither runtime's build ever overwrites the other's and no rebuild stamp can go stale.
 */
export const NATIVE_DIR = 'native';

export function sqliteFolderName(abi: string): string {
  return `better-sqlite3-abi${abi}`;
}

export interface RuntimeInfo {
  readonly versions: Partial<Record<'electron' | 'modules', string>>;
  /** Electron's resources folder in an installed app; undefined in development and in Node. */
  readonly resourcesPath?: string | undefined;
  readonly isPackaged: boolean;
}

const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

/** The project folder: where package.json is, from src/main/db or the bundled out/main. */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

/**
 * better-sqlite3's `nativeBinding` option for this runtime: none under Node (its own build), the
 * ABI-named Electron build under Electron, from the app's resources once installed.
 */
export function sqliteNativeBinding(
  runtime: RuntimeInfo = {
    versions: process.versions,
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
    isPackaged: !(process as { defaultApp?: boolean }).defaultApp,
  },
  projectRoot: string = PROJECT_ROOT,
): { nativeBinding?: string } {
  const { electron, modules } = runtime.versions;
  if (!electron || !modules) return {};
  const base =
    runtime.isPackaged && runtime.resourcesPath
      ? path.join(runtime.resourcesPath, NATIVE_DIR)
      : path.join(projectRoot, NATIVE_DIR);
  const file = path.join(base, sqliteFolderName(modules), 'better_sqlite3.node');
  if (!fs.existsSync(file))
    throw new Error(
      `better-sqlite3 has no build for Electron ${electron} (ABI ${modules}) at ${file}. ` +
        'Run `npx tsx scripts/build-native-electron.ts` (npm start and npm run dist do).',
    );
  return { nativeBinding: file };
}

/** Whether a compiled addon registers itself for this ABI (node_register_module_v<N>). */
export function addonHasAbi(file: string, abi: string): boolean {
  return fs.readFileSync(file).includes(`node_register_module_v${abi}\0`);
}
