// What the Electron shell's IPC handlers do, kept free of Electron so the sender check and the
// save-to-file flow are tested in plain Node; src/main/electron/ipc.ts only wires them up.
import type { InvokeReply, SaveResult } from '../../shared/ipc-channels';
import { toAppErrorData } from '../platform/errors';
import type { FileExports } from '../features/exports/file-exports';
import { saveFileTo } from '../platform/file-source';
import { isAppUrl, type RendererLocation } from './window-policy';
import type { HandlerRegistry } from '../app/handler-registry';
import { invokeToReply } from '../app/invoke-reply';

/** The part of Electron's IpcMainInvokeEvent the check reads. */
export interface IpcSender {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** Asks the person where to save `fileName`; null when they cancel. */
export type AskSavePath = (fileName: string, mimeType: string) => Promise<string | null>;

const REFUSED: InvokeReply = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'Refused: the request did not come from Rehearse.' },
};

/** Only our own top-level page may call in, never an iframe or a page we navigated to by mistake. */
export function isTrustedSender(event: IpcSender, where: RendererLocation): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, where);
}

export function createIpcHandlers(deps: {
  readonly registry: HandlerRegistry;
  readonly files: FileExports;
  readonly location: () => RendererLocation;
  readonly askSavePath: AskSavePath;
}) {
  return {
    invoke: async (event: IpcSender, name: unknown, input: unknown): Promise<InvokeReply> => {
      if (!isTrustedSender(event, deps.location())) return REFUSED;
      if (typeof name !== 'string')
        return {
          ok: false,
          error: { code: 'VALIDATION', message: 'The operation name must be a string.' },
        };
      return invokeToReply(deps.registry, name, input);
    },

    /** Prepares the export, asks where to put it, then streams it there. */
    save: async (event: IpcSender, name: unknown, input: unknown): Promise<InvokeReply> => {
      if (!isTrustedSender(event, deps.location())) return REFUSED;
      try {
        const source = await deps.files.prepare(name, input);
        const target = await deps.askSavePath(source.fileName, source.mimeType);
        const result: SaveResult = target
          ? {
              saved: true,
              fileName: source.fileName,
              ...(await saveFileTo(source, target)),
              summary: source.summary as Record<string, number>,
            }
          : { saved: false, fileName: source.fileName };
        return { ok: true, result };
      } catch (error) {
        const data = toAppErrorData(error);
        if (data.code === 'INTERNAL') console.error(`[rehearse] saving ${String(name)}:`, error);
        return { ok: false, error: data };
      }
    },
  };
}

/** The save dialog's file-type filter for a MIME type the exports use. */
export function saveFilters(mimeType: string): { name: string; extensions: string[] }[] {
  switch (mimeType) {
    case 'application/pdf':
      return [{ name: 'PDF document', extensions: ['pdf'] }];
    case 'application/zip':
      return [{ name: 'Zip archive', extensions: ['zip'] }];
    case 'application/json':
      return [{ name: 'Question pack', extensions: ['json'] }];
    default:
      return [];
  }
}
