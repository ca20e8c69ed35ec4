import { describe, expect, it } from 'vitest';
import manifestJson from '../../../../models/manifest.json';
import { modelKinds } from '../../../shared/contract/models';
import { entryLoadPath, entrySize, loadManifest } from './manifest';

describe('the shipped model manifest', () => {
  const manifest = loadManifest();

  it('validates and covers every kind, with https downloads from Hugging Face', () => {
    expect(new Set(manifest.models.map((m) => m.kind))).toEqual(new Set(modelKinds));
    for (const entry of manifest.models) {
      expect(entry.license.length).toBeGreaterThan(2);
      for (const file of entry.files) {
        expect(file.url).toMatch(/^https:\/\/huggingface\.co\//);
        expect(file.url.endsWith(`/${file.path}`)).toBe(true);
      }
    }
  });

  it('pins every download to a commit, so the bytes behind a URL cannot change under its sha256', () => {
    for (const file of manifest.models.flatMap((m) => m.files)) {
      const revision = /^https:\/\/huggingface\.co\/[^/]+\/[^/]+\/resolve\/([^/]+)\//.exec(
        file.url,
      )?.[1];
      expect(revision, file.url).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('has the agreed entries: two whisper, a VAD, MiniLM as a multi-file folder, two LLMs', () => {
    const ids = manifest.models.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'whisper-base.en',
        'whisper-small.en',
        'silero-vad-v6.2.0',
        'all-minilm-l6-v2',
        'qwen2.5-1.5b-instruct-q4km',
        'llama-3.2-3b-instruct-q4km',
      ]),
    );
    const minilm = manifest.models.find((m) => m.id === 'all-minilm-l6-v2')!;
    expect(minilm.files.map((f) => f.path)).toContain('onnx/model_quantized.onnx');
    expect(entryLoadPath(minilm)).toBe('');
    const base = manifest.models.find((m) => m.id === 'whisper-base.en')!;
    expect(entryLoadPath(base)).toBe('ggml-base.en.bin');
    expect(entrySize(base)).toBe(147964211);
    // Every hash in the shipped list was found in published manifests; none is pinned later.
    expect(manifest.models.flatMap((m) => m.files).every((f) => f.sha256 !== null)).toBe(true);
  });

  it('names the entry and field of a bad edit', () => {
    const broken = structuredClone(manifestJson) as { models: { files: { sha256: unknown }[] }[] };
    broken.models[1]!.files[0]!.sha256 = 'not-a-hash';
    expect(() => loadManifest(broken)).toThrow(/models\.1\.files\.0\.sha256: a sha256 is 64/);
    const unpinned = structuredClone(manifestJson) as typeof broken;
    unpinned.models[0]!.files[0]!.sha256 = null;
    expect(() => loadManifest(unpinned)).toThrow(/need pinOnFirstDownload/);
  });
});
