// What the Electron shell's IPC handlers do, kept free of Electron so the sender check and the
// save-to-file flow are tested in plain Node; src/main/electron/ipc.ts only wires them up.
import type { InvokeReply } from '../../shared/ipc-channels';
import { isAppUrl, type RendererLocation } from './window-policy';
import type { HandlerRegistry } from '../app/handler-registry';
import { invokeToReply } from '../app/invoke-reply';
import type { AskSavePath } from '../app/save-export';

/** The part of Electron's IpcMainInvokeEvent the check reads. */
export interface IpcSender {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

const REFUSED: InvokeReply = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'Refused: the request did not come from Rehearse.' },
};

const NAME_NOT_STRING: InvokeReply = {
  ok: false,
  error: { code: 'VALIDATION', message: 'The operation name must be a string.' },
};

/** Only our own top-level page may call in, never an iframe or a page we navigated to by mistake. */
export function isTrustedSender(event: IpcSender, where: RendererLocation): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, where);
}

export function createIpcHandlers(deps: {
  /** Runs the contract: the backend's supervisor (or, in tests, a registry). */
  readonly registry: Pick<HandlerRegistry, 'invoke'>;
  /** Prepares an export, asks for a path with the function given, and writes the file there. */
  readonly saveExport: (name: string, input: unknown, ask: AskSavePath) => Promise<InvokeReply>;
  readonly location: () => RendererLocation;
  readonly askSavePath: AskSavePath;
}) {
  return {
    invoke: async (event: IpcSender, name: unknown, input: unknown): Promise<InvokeReply> => {
      if (!isTrustedSender(event, deps.location())) return REFUSED;
      if (typeof name !== 'string') return NAME_NOT_STRING;
      return invokeToReply(deps.registry, name, input);
    },

    /** Prepares the export, asks where to put it, then has it streamed there. */
    save: async (event: IpcSender, name: unknown, input: unknown): Promise<InvokeReply> => {
      if (!isTrustedSender(event, deps.location())) return REFUSED;
      if (typeof name !== 'string') return NAME_NOT_STRING;
      return deps.saveExport(name, input, deps.askSavePath);
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
