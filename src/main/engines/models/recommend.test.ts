import { describe, expect, it } from 'vitest';
import { loadManifest } from './manifest';
import { recommendModels } from './recommend';

const manifest = loadManifest();
const pick = (totalRamMb: number, cpuCount: number) =>
  Object.fromEntries(recommendModels(manifest, { totalRamMb, cpuCount }).map((r) => [r.kind, r]));

describe('recommendModels', () => {
  it('a 4 GB, 2-core lab PC: base.en, no LLM, and says why', () => {
    const r = pick(4096, 2);
    expect(r['whisper']!.modelId).toBe('whisper-base.en');
    expect(r['whisper']!.reason).toBe(
      'Whisper base.en: Whisper small.en would be better but wants 7.8 GB of memory (this machine has 4 GB) and wants 4 CPU cores to be quick enough (this machine has 2).',
    );
    expect(r['llm']).toMatchObject({ modelId: null });
    expect(r['llm']!.reason).toMatch(
      /^No language model fits comfortably: Qwen2\.5 1\.5B Instruct \(Q4_K_M\) wants 7 GB of memory/,
    );
    expect(r['embeddings']!.modelId).toBe('all-minilm-l6-v2');
    expect(r['vad']!.modelId).toBe('silero-vad-v6.2.0');
  });

  it('an "8 GB" laptop (7.7 GB usable), 4 cores, gets the small default LLM; 16 GB and 8 cores the 3B and small.en', () => {
    expect(pick(7900, 4)['llm']!.modelId).toBe('qwen2.5-1.5b-instruct-q4km');
    expect(pick(7900, 4)['llm']!.reason).toMatch(/Llama 3\.2 3B .* wants 13\.7 GB of memory/);
    const big = pick(16384, 8);
    expect(big['llm']!.modelId).toBe('llama-3.2-3b-instruct-q4km');
    expect(big['whisper']!.modelId).toBe('whisper-small.en');
    expect(big['whisper']!.reason).toMatch(/the best speech-recognition model in the list/);
  });
});
