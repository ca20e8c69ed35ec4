// The thin Electron shell: window, menu, dialogs, permissions and the IPC relay. The services
// (database, engines, jobs) run in a utility process (app/backend-process.ts) that a supervisor
// restarts if it crashes; everything this file calls lives in plain-Node modules that the tests
// load without Electron.
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { desktopPaths, resolveDataDir } from '../platform/data-dir';
import { openLogFile, teeConsoleTo } from '../platform/log-file';
import { SHIPPED_MODELS_ENV } from '../engines/models/resolve';
import { BackendSupervisor } from '../transport/backend-supervisor';
import { utilityBackendSpawner } from './backend-spawner';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { mainWindowWebPreferences } from './window-policy';
import { hardenSession, hardenWebContents, rendererLocation } from './security';

let backend: BackendSupervisor | null = null;

function main(): void {
  // The same folder the CLI uses (REHEARSE_DATA_DIR or the OS's local app-data folder); Chromium's
  // profile and the log live in it too, so Electron's single-instance lock is per data folder.
  const dataDir = resolveDataDir();
  const paths = desktopPaths(dataDir);
  app.setPath('userData', paths.userData);
  app.setAppLogsPath(paths.logs);
  const log = openLogFile(paths.logs);
  teeConsoleTo(log);
  // A monitor only records: what Electron does with an uncaught error stays as it was.
  process.on('uncaughtExceptionMonitor', (error, origin) =>
    log.write('error', `${origin}:`, error),
  );

  // A second launch hands over to the first (focus its window) and exits before touching data.
  const gotLock = app.requestSingleInstanceLock();
  if (!gotLock) {
    app.quit();
    return;
  }

  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', (event) => {
    if (!backend) return;
    // Let running jobs stop and the database close cleanly before the process exits.
    event.preventDefault();
    const closing = backend;
    backend = null;
    void closing.close().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    console.log(`Rehearse ${app.getVersion()} starting; data: ${dataDir}`);
    // Models the installer carries (resources/models): a read-only source behind the person's own.
    if (app.isPackaged)
      process.env[SHIPPED_MODELS_ENV] ??= path.join(process.resourcesPath, 'models');
    hardenSession();
    buildMenu();
    // The window opens at once and shows the renderer's own loading state; its first calls wait
    // for the services, which take seconds to start (database, packs, engines). The backend
    // opens this same data folder and takes its lock.
    const started = BackendSupervisor.start({
      spawn: utilityBackendSpawner({ dataDir, devBuild: process.defaultApp === true }),
    });
    registerIpc(started);
    createWindow();
    try {
      backend = await started;
    } catch (error) {
      console.error('Rehearse cannot start:', error);
      // Refused with a message naming the owner when `npm run web` or the CLI has the folder.
      dialog.showErrorBox(
        'Rehearse cannot start',
        `${error instanceof Error ? error.message : String(error)}\n\nLog: ${log.path}`,
      );
      app.exit(1);
      return;
    }
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'Rehearse',
    webPreferences: mainWindowWebPreferences(
      path.join(import.meta.dirname, '../preload/index.cjs'),
    ),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) =>
    console.error("The window's renderer stopped:", details.reason, details.exitCode),
  );
  const devServer = rendererLocation().devServerUrl;
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
}

main();
