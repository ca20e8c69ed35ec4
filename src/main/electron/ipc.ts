import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type InvokeReply } from '../../shared/ipc-channels';
import type { RehearseApp } from '../app/rehearse-app';
import { invokeToReply } from '../transport/invoke-reply';
import { isAppUrl } from './security';

/** Connects the registry to Electron IPC: one channel in, one channel out. */
export function registerIpc(app: RehearseApp): void {
  ipcMain.handle(
    IPC_INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<InvokeReply> => {
      // Only our own top-level page may call in, never an iframe or a page we navigated to by mistake.
      const frameUrl = event.senderFrame?.url ?? '';
      if (event.senderFrame?.parent !== null || !isAppUrl(frameUrl)) {
        return {
          ok: false,
          error: {
            code: 'UNAUTHORIZED',
            message: 'Refused: the request did not come from Rehearse.',
          },
        };
      }
      if (typeof name !== 'string')
        return {
          ok: false,
          error: { code: 'VALIDATION', message: 'The operation name must be a string.' },
        };
      return invokeToReply(app.registry, name, input);
    },
  );
  app.events.onAny((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
  });
}
