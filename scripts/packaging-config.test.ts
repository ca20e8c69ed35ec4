// File checks of the packaging configuration: what can be verified here of the macOS signing
// and Linux package settings, whose effect only shows on a real Mac or Ubuntu machine.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
// electron-builder reads its YAML with js-yaml, so the same parser reads it here.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  productName: string;
  extraResources: { from: string; to: string; filter?: string[] }[];
  linux: { target: string[]; executableName: string };
  deb: { depends: string[]; appArmorProfile: string };
  mac: {
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    extendInfo: Record<string, string>;
  };
}
const config = yaml.load(
  fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

/** The boolean entitlements an XML plist grants (comments dropped; one <dict> of keys). */
function grantedEntitlements(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const body = /<plist version="1\.0">\s*<dict>([\s\S]*)<\/dict>\s*<\/plist>\s*$/.exec(text)?.[1];
  if (body === undefined) throw new Error(`${file} is not a plist with one <dict>`);
  const pairs = [...body.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g)];
  // Every key must be one of the boolean pairs read: nothing else hides in the dict.
  expect(pairs.length).toBe([...body.matchAll(/<key>/g)].length);
  return pairs
    .filter((p) => p[2] === 'true')
    .map((p) => p[1]!)
    .sort();
}

describe('macOS signing', () => {
  it('grants the hardened app and its helpers the microphone, the camera and the JIT', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      expect(grantedEntitlements(path.join(ROOT, file))).toEqual([
        'com.apple.security.cs.allow-jit',
        'com.apple.security.cs.allow-unsigned-executable-memory',
        'com.apple.security.device.audio-input',
        'com.apple.security.device.camera',
      ]);
    }
    expect(config.mac.extendInfo['NSMicrophoneUsageDescription']).toMatch(/records/);
    expect(config.mac.extendInfo['NSCameraUsageDescription']).toMatch(/camera/);
  });
});

describe('the Linux package', () => {
  it('is a .deb first, depending on what Electron, recording and whisper.cpp need', () => {
    expect(config.linux.target[0]).toBe('deb');
    // electron-builder's own default list (app-builder-lib's DebOptions.depends), which a custom
    // list replaces rather than extends.
    const defaults = fs
      .readFileSync(
        path.join(ROOT, 'node_modules/app-builder-lib/out/options/linuxOptions.d.ts'),
        'utf8',
      )
      .match(/@default (\["libgtk-3-0".*\])/)?.[1];
    expect(defaults).toBeDefined();
    for (const pkg of JSON.parse(defaults!) as string[]) expect(config.deb.depends).toContain(pkg);
    expect(config.deb.depends).toContain('libgomp1');
    expect(config.deb.depends).toContain('libasound2 | libasound2t64');
  });

  it('installs an AppArmor profile that lets the installed executable use user namespaces', () => {
    const profile = fs.readFileSync(path.join(ROOT, config.deb.appArmorProfile), 'utf8');
    // The template electron-builder fills: /opt/<productName>/<executable>.
    expect(profile).toContain(
      'profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {',
    );
    expect(profile).toMatch(/^\s*userns,$/m);
    expect(profile).toMatch(/^abi <abi\/4\.0>,$/m);
    expect(config.linux.executableName).toBe('rehearse');
    expect(config.productName).toBe('Rehearse');
    const docs = fs.readFileSync(path.join(ROOT, 'docs/desktop-packaging.md'), 'utf8');
    expect(docs).toContain('AppArmor');
  });
});

describe('shipped models', () => {
  it('copies the models folder into resources, without the download and test lists', () => {
    const models = config.extraResources.find((r) => r.from === 'models');
    expect(models?.to).toBe('models');
    expect(models?.filter).toEqual(['**/*', '!manifest.json', '!test-models.json']);
  });
});
