import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, Menu, session, shell, systemPreferences, type WebContents } from 'electron';
import {
  allowPermission,
  contextMenuItems,
  isAppUrl as isAppUrlIn,
  isExternalLinkAllowed,
  macMediaAccessToAsk,
  rendererLocationFor,
  type RendererLocation,
} from './window-policy';

export function rendererLocation(): RendererLocation {
  return rendererLocationFor({
    isPackaged: app.isPackaged,
    env: process.env,
    rendererDirUrl: pathToFileURL(path.join(import.meta.dirname, '../renderer') + path.sep).href,
  });
}

export function isAppUrl(url: string): boolean {
  return isAppUrlIn(url, rendererLocation());
}

/** Only the microphone and camera, and only for our own pages; everything else is refused. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const allowed =
      isAppUrl(contents.getURL()) &&
      allowPermission(permission, mediaTypes, details.requestingUrl, rendererLocation());
    if (!allowed || process.platform !== 'darwin') {
      callback(allowed);
      return;
    }
    void askMacMediaAccess(mediaTypes).then(callback, (error: unknown) => {
      console.error('Asking macOS for media access failed:', error);
      callback(false);
    });
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    // Checks carry an origin, not a page URL; file:// pages report "file:///".
    const url = requestingOrigin.startsWith('file:')
      ? `${rendererLocation().rendererDirUrl}index.html`
      : requestingOrigin;
    return allowPermission(permission, ['audio', 'video'], url, rendererLocation());
  });
  // Nothing is downloaded through the renderer: exports are saved by the main process (a save
  // dialog, then streamed to the file) and the model manager downloads in the main process.
  ses.on('will-download', (event) => event.preventDefault());
}

/** macOS's microphone/camera prompt; resolves false when the person has said no. */
async function askMacMediaAccess(mediaTypes: readonly string[]): Promise<boolean> {
  for (const kind of macMediaAccessToAsk(mediaTypes)) {
    if (systemPreferences.getMediaAccessStatus(kind) === 'granted') continue;
    if (!(await systemPreferences.askForMediaAccess(kind))) return false;
  }
  return true;
}

/** No navigation away from the app, no new windows; web links open in the system browser. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('context-menu', (_event, params) => {
    const items = contextMenuItems(params);
    if (items.length > 0) Menu.buildFromTemplate(items).popup();
  });
}
