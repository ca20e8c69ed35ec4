/** Electron IPC channel names; the preload and the main shell must agree on them. */
export const IPC_INVOKE_CHANNEL = 'rehearse:invoke';
export const IPC_EVENT_CHANNEL = 'rehearse:event';

/** What crosses any transport in reply to an invoke: never a thrown error, always this. */
export type InvokeReply =
  | { readonly ok: true; readonly result: unknown }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: string;
        readonly message: string;
        readonly details?: unknown;
      };
    };
