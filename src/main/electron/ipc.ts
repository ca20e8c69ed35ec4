import path from 'node:path';
import { app as electronApp, BrowserWindow, dialog, ipcMain } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_SAVE_CHANNEL } from '../../shared/ipc-channels';
import type { BackendSupervisor } from '../transport/backend-supervisor';
import { createIpcHandlers, saveFilters } from './ipc-handlers';
import { rendererLocation } from './security';

/**
 * Relays Electron IPC to the backend process: invoke and save in, one channel of events out.
 * Registered while the backend starts, so the window can open at once; calls made meanwhile
 * wait for it.
 */
export function registerIpc(starting: Promise<BackendSupervisor>): void {
  const ready = starting.then((backend) => {
    backend.onAny((event, payload) => {
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
      }
    });
    return createIpcHandlers({
      registry: backend,
      saveExport: (name, input, ask) => backend.save(name, input, ask),
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
