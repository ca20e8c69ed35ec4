// Decisions the Electron shell enforces, kept free of Electron so they are tested in plain Node.

/**
 * The renderer's origin: the dev server's in development, otherwise the packaged files. A
 * file:// page is only "ours" when it lies inside the app's renderer folder.
 */
export interface RendererLocation {
  readonly devServerUrl?: string | undefined;
  /** file:// URL of the folder holding the built renderer (ends with '/'). */
  readonly rendererDirUrl: string;
}

export function isAppUrl(url: string, where: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (where.devServerUrl) return parsed.origin === new URL(where.devServerUrl).origin;
  return parsed.protocol === 'file:' && parsed.href.startsWith(where.rendererDirUrl);
}

/** Only the microphone and camera, and only for the app's own pages. */
export function allowPermission(
  permission: string,
  mediaTypes: readonly string[],
  requestingUrl: string,
  where: RendererLocation,
): boolean {
  if (permission !== 'media') return false;
  if (!mediaTypes.every((t) => t === 'audio' || t === 'video')) return false;
  return isAppUrl(requestingUrl, where);
}

/** Links the user clicks that may open in the system browser; everything else is dropped. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * Where the renderer comes from. The dev server's URL (ELECTRON_RENDERER_URL, set by
 * electron-vite) is trusted only in development: in an installed app any environment variable
 * could otherwise point the window, with its IPC bridge, at a page of someone else's choosing.
 */
export function rendererLocationFor(options: {
  readonly isPackaged: boolean;
  readonly env: NodeJS.ProcessEnv;
  /** file:// URL of the built renderer folder (ends with '/'). */
  readonly rendererDirUrl: string;
}): RendererLocation {
  const devServerUrl = options.isPackaged ? undefined : options.env['ELECTRON_RENDERER_URL'];
  return devServerUrl
    ? { devServerUrl, rendererDirUrl: options.rendererDirUrl }
    : { rendererDirUrl: options.rendererDirUrl };
}

/**
 * The main window's web preferences. Spellcheck is off: Chromium would fetch its dictionaries
 * from Google's servers on Windows and Linux, in an app that promises to stay offline, and the
 * app grades spelling itself (underlining it while someone answers would give the game away).
 */
export function mainWindowWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
  } as const;
}

/** What Electron's context-menu event says about the place that was right-clicked. */
export interface ContextMenuPlace {
  readonly isEditable: boolean;
  readonly selectionText: string;
  readonly editFlags: {
    readonly canCut: boolean;
    readonly canCopy: boolean;
    readonly canPaste: boolean;
    readonly canSelectAll: boolean;
  };
}

export type EditRole = 'cut' | 'copy' | 'paste' | 'selectAll';

/**
 * The right-click menu Electron leaves out: cut, copy, paste and select all in text fields, copy
 * on selected text, nothing elsewhere. Items Chromium says cannot apply are shown disabled.
 */
export function contextMenuItems(
  place: ContextMenuPlace,
): { readonly role: EditRole; readonly enabled: boolean }[] {
  const flags = place.editFlags;
  if (place.isEditable)
    return [
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ];
  return place.selectionText.trim() !== '' ? [{ role: 'copy', enabled: flags.canCopy }] : [];
}

/**
 * What macOS must be asked for (its privacy prompt, TCC) before Chromium may capture the media a
 * page requested. Asked in the main process before the first recording: a hardened app that
 * skips this gets silence, not an error.
 */
export function macMediaAccessToAsk(mediaTypes: readonly string[]): ('microphone' | 'camera')[] {
  const kinds: ('microphone' | 'camera')[] = [];
  if (mediaTypes.includes('audio')) kinds.push('microphone');
  if (mediaTypes.includes('video')) kinds.push('camera');
  return kinds;
}
