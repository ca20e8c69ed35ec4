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

/**
 * The desktop app's save-to-file: the renderer names an export and its input, the main process
 * asks where to save it (native dialog) and streams the file there; no bytes cross IPC.
 */
export const IPC_SAVE_CHANNEL = 'rehearse:save';

/** Operations whose file can be saved this way (each also has its base64 handler for browsers). */
export const SAVABLE_EXPORTS = [
  'reports.sessionPdf',
  'reports.progressPdf',
  'data.export',
  'packs.export',
] as const;
export type SavableExport = (typeof SAVABLE_EXPORTS)[number];

/** `saved: false` when the person cancelled the dialog. */
export type SaveResult =
  | { readonly saved: false; readonly fileName: string }
  | {
      readonly saved: true;
      readonly fileName: string;
      readonly path: string;
      readonly bytes: number;
      /** The export's figures: pages, sessions, answers, recordings, questionCount. */
      readonly summary: Readonly<Record<string, number>>;
    };
