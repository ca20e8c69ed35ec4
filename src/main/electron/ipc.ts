import path from 'node:path';
import { app as electronApp, BrowserWindow, dialog, ipcMain } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_SAVE_CHANNEL } from '../../shared/ipc-channels';
import type { RehearseApp } from '../app/rehearse-app';
import { createIpcHandlers, saveFilters } from '../transport/ipc-handlers';
import { rendererLocation } from './security';

/** Connects the registry to Electron IPC: invoke and save in, one channel of events out. */
export function registerIpc(app: RehearseApp): void {
  const handlers = createIpcHandlers({
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
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, name: unknown, input: unknown) =>
    handlers.invoke(event, name, input),
  );
  ipcMain.handle(IPC_SAVE_CHANNEL, (event, name: unknown, input: unknown) =>
    handlers.save(event, name, input),
  );
  app.events.onAny((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
  });
}
