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
