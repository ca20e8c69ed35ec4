import { session, shell, type WebContents } from 'electron';

/** Where the renderer is allowed to come from: the built files, or the dev server in development. */
export function rendererOrigin(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  return devServer ? new URL(devServer).origin : 'file://';
}

export function isAppUrl(url: string): boolean {
  const origin = rendererOrigin();
  return origin === 'file://' ? url.startsWith('file://') : safeOrigin(url) === origin;
}

/** Only the microphone and camera, and only for our own pages; everything else is refused. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const mediaOnly =
      permission === 'media' && mediaTypes.every((t) => t === 'audio' || t === 'video');
    callback(mediaOnly && isAppUrl(details.requestingUrl) && isAppUrl(contents.getURL()));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'media' && isAppUrl(requestingOrigin || '');
  });
  // Nothing is downloaded through the renderer; the model manager downloads in the main process.
  ses.on('will-download', (event) => event.preventDefault());
}

/** No navigation away from the app, no new windows; http(s) links open in the system browser. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
