import { describe, expect, it } from 'vitest';
import { allowPermission, isAppUrl, isExternalLinkAllowed } from './window-policy';

const packaged = { rendererDirUrl: 'file:///opt/Rehearse/resources/app.asar/out/renderer/' };
const dev = { devServerUrl: 'http://localhost:5173/', rendererDirUrl: packaged.rendererDirUrl };

describe('window policy', () => {
  it('treats only the renderer folder (or the dev server) as the app', () => {
    expect(
      isAppUrl('file:///opt/Rehearse/resources/app.asar/out/renderer/index.html', packaged),
    ).toBe(true);
    expect(isAppUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isAppUrl('https://example.com/', packaged)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/results', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
  });

  it('grants only microphone and camera, only to the app', () => {
    const page = 'file:///opt/Rehearse/resources/app.asar/out/renderer/index.html';
    expect(allowPermission('media', ['audio'], page, packaged)).toBe(true);
    expect(allowPermission('media', ['audio', 'video'], page, packaged)).toBe(true);
    expect(allowPermission('media', ['audio'], 'https://evil.example/', packaged)).toBe(false);
    for (const p of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
    ]) {
      expect(allowPermission(p, [], page, packaged)).toBe(false);
    }
  });

  it('opens only web and mail links externally', () => {
    expect(isExternalLinkAllowed('https://example.com')).toBe(true);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('smb://server/share')).toBe(false);
  });
});

// The Electron binary cannot be downloaded on this machine (no access to Electron's release
// host), so the window itself — sandbox, contextIsolation, CSP, IPC sender check — cannot be
// launched here. The decisions above are what src/main/electron/security.ts enforces.
describe.skip('the Electron window (needs the Electron binary, which cannot be fetched here)', () => {
  it('opens with sandbox and contextIsolation and refuses navigation', () => undefined);
});
