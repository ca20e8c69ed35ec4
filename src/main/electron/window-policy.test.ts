import { describe, expect, it } from 'vitest';
import {
  allowPermission,
  contextMenuItems,
  isAppUrl,
  isExternalLinkAllowed,
  macMediaAccessToAsk,
  mainWindowWebPreferences,
  rendererLocationFor,
} from './window-policy';

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

describe('the desktop window', () => {
  const rendererDirUrl = packaged.rendererDirUrl;
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };

  it('trusts the dev server only in development, never in an installed app', () => {
    const installed = rendererLocationFor({ isPackaged: true, env, rendererDirUrl });
    expect(installed).toEqual({ rendererDirUrl });
    expect(isAppUrl('http://localhost:5173/', installed)).toBe(false);
    expect(isAppUrl(`${rendererDirUrl}index.html`, installed)).toBe(true);
    const development = rendererLocationFor({ isPackaged: false, env, rendererDirUrl });
    expect(isAppUrl('http://localhost:5173/#/bank', development)).toBe(true);
    expect(rendererLocationFor({ isPackaged: false, env: {}, rendererDirUrl })).toEqual({
      rendererDirUrl,
    });
  });

  it('opens sandboxed and isolated, without Node and without the online spellchecker', () => {
    expect(mainWindowWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
  });

  it('has a right-click menu with cut, copy and paste in text fields and copy on a selection', () => {
    const flags = { canCut: true, canCopy: false, canPaste: true, canSelectAll: true };
    expect(contextMenuItems({ isEditable: true, selectionText: '', editFlags: flags })).toEqual([
      { role: 'cut', enabled: true },
      { role: 'copy', enabled: false },
      { role: 'paste', enabled: true },
      { role: 'selectAll', enabled: true },
    ]);
    const selected = { ...flags, canCopy: true };
    expect(
      contextMenuItems({ isEditable: false, selectionText: 'STAR method', editFlags: selected }),
    ).toEqual([{ role: 'copy', enabled: true }]);
    expect(
      contextMenuItems({ isEditable: false, selectionText: ' ', editFlags: selected }),
    ).toEqual([]);
  });

  it('asks macOS for the microphone and camera a recording requests, and nothing else', () => {
    expect(macMediaAccessToAsk(['audio'])).toEqual(['microphone']);
    expect(macMediaAccessToAsk(['audio', 'video'])).toEqual(['microphone', 'camera']);
    expect(macMediaAccessToAsk([])).toEqual([]);
  });
});
