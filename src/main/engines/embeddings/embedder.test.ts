import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { hasSharedModel, sharedModelPath } from '../../testing/models';
import { cosineSimilarity, loadEmbedder, type Embedder } from './embedder';

const MODEL = 'glove-wordpiece-onnx';
const modelDir = sharedModelPath(MODEL);
// The shared model folder exists on every machine here and in CI (beside the clone), so a
// missing model is a broken set-up: fail loudly rather than skip.
const suite = describe;
if (!hasSharedModel(MODEL))
  throw new Error(`the test model is missing: ${modelDir} (see ../shared/models/README.md)`);

const PARAPHRASE_A = 'I fixed the slow database query by adding an index';
const PARAPHRASE_B = 'I added an index to speed up the database query';
const UNRELATED = 'My favourite holiday was a beach in Spain';

function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

async function expectUnusable(dir: string, reason: RegExp): Promise<void> {
  const error: unknown = await loadEmbedder(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('VALIDATION');
  expect(appError.message).toContain(`The embedding model at ${dir} cannot be used: `);
  expect(appError.message).toMatch(reason);
  expect(appError.message).toMatch(/\. Reinstall it from the model manager\.$/);
}

/** The test model's folder minus its .onnx file, for variants of it. */
function copyModelFolderWithoutOnnx(dir: string): void {
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  for (const name of [
    'config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    'special_tokens_map.json',
  ])
    copyFileSync(path.join(modelDir, name), path.join(dir, name));
}

suite('loadEmbedder with the real GloVe test model', () => {
  let embedder: Embedder;
  let scratch: string;

  beforeAll(async () => {
    embedder = await loadEmbedder(modelDir);
    scratch = mkdtempSync(path.join(tmpdir(), 'rehearse-embedder-'));
  });
  afterAll(async () => {
    await embedder.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('scores a paraphrase higher than an unrelated sentence', async () => {
    const [a, b, unrelated] = await embedder.embed([PARAPHRASE_A, PARAPHRASE_B, UNRELATED]);
    const paraphrase = cosineSimilarity(a!, b!);
    expect(paraphrase).toBeGreaterThan(cosineSimilarity(a!, unrelated!) + 0.1);
    expect(paraphrase).toBeGreaterThan(cosineSimilarity(b!, unrelated!) + 0.1);
  });

  it('returns one unit-length vector of `dimensions` entries per text, in order', async () => {
    expect(embedder.dimensions).toBe(100); // hidden_size in the model's config.json
    const texts = ['Tell me about yourself.', PARAPHRASE_A, UNRELATED];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(embedder.dimensions);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    // Order is kept: each vector equals the one for its text embedded alone.
    for (const [i, text] of texts.entries()) {
      const [alone] = await embedder.embed([text]);
      expect(cosineSimilarity(alone!, vectors[i]!)).toBeCloseTo(1, 5);
    }
  });

  it('gives each content word its own unit vector, and the same sentence vector as embed()', async () => {
    const text = 'The indexing of Tables is unbelievably slow, and 42 of them failed.';
    const result = await embedder.embedWords(text);
    // Stopwords ("the", "of", "is", "and") and numbers are left out; case does not matter.
    expect(result.words).toEqual(['indexing', 'tables', 'unbelievably', 'slow', 'failed']);
    for (const v of result.vectors) expect(norm(v)).toBeCloseTo(1, 5);
    const [pooled] = await embedder.embed([text]);
    expect(cosineSimilarity(result.sentence!, pooled!)).toBeCloseTo(1, 5);
    // The same word in another text gets the same vector (GloVe has no context).
    const again = await embedder.embedWords('slow');
    expect(cosineSimilarity(again.vectors[0]!, result.vectors[3]!)).toBeCloseTo(1, 5);
    expect(await embedder.embedWords('  ')).toEqual({ words: [], vectors: [], sentence: null });
  });

  it('gives empty and blank texts a zero vector', async () => {
    const [empty, blank, real] = await embedder.embed(['', '   \n', 'a real answer']);
    expect(norm(empty!)).toBe(0);
    expect(norm(blank!)).toBe(0);
    expect(norm(real!)).toBeCloseTo(1, 5);
    expect(await embedder.embed([])).toEqual([]);
  });

  it('batches long lists without mixing up the order', async () => {
    // 70 texts of varied length span three batches and are reordered by length inside embed().
    const texts = Array.from(
      { length: 70 },
      (_, i) =>
        `answer ${i}: ${'database team project customer '.repeat(1 + (i % 7))}${i % 3 ? 'deadline' : 'budget'}`,
    );
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(70);
    for (const i of [0, 1, 33, 64, 69]) {
      const [alone] = await embedder.embed([texts[i]!]);
      expect(cosineSimilarity(alone!, vectors[i]!)).toBeCloseTo(1, 5);
    }
  });

  it('embeds a 20,000-word answer without error', async () => {
    const words = ['I', 'led', 'the', 'database', 'migration', 'for', 'our', 'team'];
    const long = Array.from({ length: 20_000 }, (_, i) => words[i % words.length]).join(' ');
    const [vector] = await embedder.embed([long, 'short answer']);
    expect(vector).toHaveLength(embedder.dimensions);
    expect(norm(vector!)).toBeCloseTo(1, 5);
  });

  it('names the model by folder and the hash of its ONNX file, stably across loads', async () => {
    const sha = createHash('sha256')
      .update(readFileSync(path.join(modelDir, 'onnx', 'model.onnx')))
      .digest('hex');
    expect(embedder.modelId).toBe(`${MODEL}@${sha.slice(0, 12)}`);
    expect(embedder.modelId).toBe('glove-wordpiece-onnx@ffd79f0feb39'); // PROVENANCE.md's sha256
    const again = await loadEmbedder(modelDir);
    try {
      expect(again.modelId).toBe(embedder.modelId);
      expect(again.dimensions).toBe(embedder.dimensions);
    } finally {
      await again.dispose();
    }
  });

  it('rejects a folder whose model.onnx is corrupt with a clear VALIDATION error', async () => {
    const dir = path.join(scratch, 'corrupt-model');
    copyModelFolderWithoutOnnx(dir);
    writeFileSync(path.join(dir, 'onnx', 'model.onnx'), Buffer.from('this is not an ONNX file'));
    await expectUnusable(dir, /its files could not be loaded/);
  });

  it('rejects a missing folder and a folder missing a required file', async () => {
    await expectUnusable(path.join(scratch, 'no-such-model'), /the folder does not exist/);
    const dir = path.join(scratch, 'no-tokenizer');
    mkdirSync(path.join(dir, 'onnx'), { recursive: true });
    copyFileSync(path.join(modelDir, 'config.json'), path.join(dir, 'config.json'));
    copyFileSync(path.join(modelDir, 'onnx', 'model.onnx'), path.join(dir, 'onnx', 'model.onnx'));
    await expectUnusable(dir, /tokenizer\.json is missing/);
  });

  it('loads the int8 file (onnx/model_quantized.onnx) when the folder has no full-precision one', async () => {
    // The model manager installs all-MiniLM-L6-v2 as its int8 export; the layout is the same.
    const dir = path.join(scratch, 'quantized-only');
    copyModelFolderWithoutOnnx(dir);
    copyFileSync(
      path.join(modelDir, 'onnx', 'model.onnx'),
      path.join(dir, 'onnx', 'model_quantized.onnx'),
    );
    const quantized = await loadEmbedder(dir);
    const [a, b] = await Promise.all([
      quantized.embed(['a slow query']),
      embedder.embed(['a slow query']),
    ]);
    expect(Array.from(a[0]!)).toEqual(Array.from(b[0]!));
    expect(quantized.modelId).toBe(`quantized-only@${embedder.modelId.split('@')[1]}`);
    await quantized.dispose();
    rmSync(path.join(dir, 'onnx', 'model_quantized.onnx'));
    await expectUnusable(dir, /onnx\/model\.onnx or onnx\/model_quantized\.onnx is missing/);
  });

  it('refuses to embed after dispose', async () => {
    const closing = await loadEmbedder(modelDir);
    await closing.dispose();
    await closing.dispose(); // idempotent
    await expect(closing.embed(['hello'])).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('cosineSimilarity', () => {
  it('is 1 for the same direction, 0 for orthogonal or zero vectors, -1 for opposite', () => {
    const a = Float32Array.of(1, 2, 3);
    expect(cosineSimilarity(a, Float32Array.of(2, 4, 6))).toBeCloseTo(1, 6);
    expect(cosineSimilarity(a, Float32Array.of(-1, -2, -3))).toBeCloseTo(-1, 6);
    expect(cosineSimilarity(Float32Array.of(1, 0), Float32Array.of(0, 1))).toBe(0);
    expect(cosineSimilarity(a, new Float32Array(3))).toBe(0);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => cosineSimilarity(new Float32Array(2), new Float32Array(3))).toThrow(RangeError);
  });
});
