import path from 'node:path';
import { app as electronApp, BrowserWindow, dialog, ipcMain } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_SAVE_CHANNEL } from '../../shared/ipc-channels';
import type { RehearseApp } from '../app/rehearse-app';
import { createIpcHandlers, saveFilters } from './ipc-handlers';
import { rendererLocation } from './security';

/**
 * Connects the services to Electron IPC: invoke and save in, one channel of events out. Registered
 * while the services start, so the window can open at once; calls made meanwhile wait for them.
 */
export function registerIpc(starting: Promise<RehearseApp>): void {
  const ready = starting.then((app) => {
    app.events.onAny((event, payload) => {
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
      }
    });
    return createIpcHandlers({
      registry: app.registry,
      files: app.files,
      location: rendererLocation,
      askSavePath: async (fileName, mimeType) => {
        const options = {
          title: 'Save',
          defaultPath: path.join(electronApp.getPath('documents'), fileName),
          filters: saveFilters(mimeType),
        };
        const window = BrowserWindow.getFocusedWindow();
        const choice = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        return choice.canceled || !choice.filePath ? null : choice.filePath;
      },
    });
  });
  // A failed start is reported by main.ts, which then exits; calls meanwhile just fail.
  ready.catch(() => undefined);
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name: unknown, input: unknown) =>
    (await ready).invoke(event, name, input),
  );
  ipcMain.handle(IPC_SAVE_CHANNEL, async (event, name: unknown, input: unknown) =>
    (await ready).save(event, name, input),
  );
}
