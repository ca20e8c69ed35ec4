import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { hasSharedModel, sharedModelPath } from '../../testing/models';
import { cosineSimilarity, loadEmbedder, type Embedder } from './embedder';
import { readSentenceConfig } from './sentence-config';

// The GloVe test model stands in for any BERT-shaped folder: the settings below change which
// tokens are run and how their vectors are pooled, whatever the weights.
const MODEL = 'glove-wordpiece-onnx';
const modelDir = sharedModelPath(MODEL);
if (!hasSharedModel(MODEL))
  throw new Error(`the test model is missing: ${modelDir} (see ../shared/models/README.md)`);

const MODULES = [
  { idx: 0, name: '0', path: '', type: 'sentence_transformers.models.Transformer' },
  { idx: 1, name: '1', path: '1_Pooling', type: 'sentence_transformers.models.Pooling' },
];
const pooling = (modes: Record<string, boolean>) => ({
  word_embedding_dimension: 100,
  pooling_mode_cls_token: false,
  pooling_mode_mean_tokens: false,
  pooling_mode_max_tokens: false,
  pooling_mode_mean_sqrt_len_tokens: false,
  ...modes,
});

let scratch: string;
let plain: Embedder;
beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'rehearse-sentence-config-'));
  plain = await loadEmbedder(modelDir);
});
afterAll(async () => {
  await plain.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

/** A copy of the test model's folder with these extra files (JSON, or raw text). */
function folderWith(name: string, files: Record<string, unknown>): string {
  const dir = path.join(scratch, name);
  cpSync(modelDir, dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(
      path.join(dir, file),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
  }
  return dir;
}

describe('sentence-transformers settings of an embedding folder', () => {
  it("are mean pooling, no prompt and the tokenizer's length when the folder has none", async () => {
    expect(await readSentenceConfig(modelDir)).toEqual({
      pooling: 'mean',
      prompt: '',
      maxTokens: null,
    });
  });

  it('puts the default prompt before every text and keeps its words out of the word vectors', async () => {
    const dir = folderWith('prompted', {
      'config_sentence_transformers.json': {
        prompts: { query: 'query: ', passage: 'passage: ' },
        default_prompt_name: 'query',
      },
    });
    const prompted = await loadEmbedder(dir);
    try {
      const text = 'slow database indexing';
      const [withPrompt] = await prompted.embed([text]);
      const [byHand, without] = await plain.embed([`query: ${text}`, text]);
      expect(cosineSimilarity(withPrompt!, byHand!)).toBeCloseTo(1, 5);
      expect(cosineSimilarity(withPrompt!, without!)).toBeLessThan(0.999);
      const words = await prompted.embedWords(text);
      expect(words.words).toEqual(['slow', 'database', 'indexing']);
      expect(cosineSimilarity(words.sentence!, withPrompt!)).toBeCloseTo(1, 5);
      // Another prompt is another model as far as stored vectors go.
      expect(prompted.modelId).toMatch(/^prompted@[0-9a-f]{12}$/);
      expect(prompted.modelId.split('@')[1]).not.toBe(plain.modelId.split('@')[1]);
    } finally {
      await prompted.dispose();
    }
  });

  it("cuts texts at the model's max_seq_length, special tokens included", async () => {
    const dir = folderWith('short', { 'sentence_bert_config.json': { max_seq_length: 4 } });
    const short = await loadEmbedder(dir);
    try {
      // [CLS] slow database [SEP]: the rest of the text is beyond four word pieces.
      const [cut] = await short.embed(['slow database queries need indexing']);
      const [firstTwo] = await plain.embed(['slow database']);
      expect(cosineSimilarity(cut!, firstTwo!)).toBeCloseTo(1, 5);
      expect((await short.embedWords('slow database queries need indexing')).words).toEqual([
        'slow',
        'database',
      ]);
    } finally {
      await short.dispose();
    }
  });

  it("takes the [CLS] token's vector when the pooling module says cls_token", async () => {
    const dir = folderWith('cls', {
      'modules.json': MODULES,
      '1_Pooling/config.json': pooling({ pooling_mode_cls_token: true }),
    });
    expect(await readSentenceConfig(dir)).toMatchObject({ pooling: 'cls' });
    const cls = await loadEmbedder(dir);
    try {
      // GloVe has no vector for [CLS], and no context to put into it: whatever the text, the
      // first token's vector is the same (zero here), unlike the mean of the words.
      const [a, b] = await cls.embed(['slow database', 'holiday in Spain']);
      const [meanA] = await plain.embed(['slow database']);
      expect(Array.from(a!)).toEqual(Array.from(b!));
      expect(Array.from(a!)).not.toEqual(Array.from(meanA!));
    } finally {
      await cls.dispose();
    }
  });

  it('refuses settings it cannot honour with a clear error, naming the file', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [
        'max-pooling',
        {
          'modules.json': MODULES,
          '1_Pooling/config.json': pooling({ pooling_mode_max_tokens: true }),
        },
        /1_Pooling\/config\.json asks for max_tokens pooling; only mean_tokens or cls_token is supported/,
      ],
      [
        'no-pooling-file',
        { 'modules.json': MODULES },
        /modules\.json names 1_Pooling, but 1_Pooling\/config\.json is missing/,
      ],
      [
        'bad-json',
        { 'sentence_bert_config.json': '{ max_seq_length: ' },
        /sentence_bert_config\.json is not valid JSON/,
      ],
      [
        'bad-length',
        { 'sentence_bert_config.json': { max_seq_length: -3 } },
        /sentence_bert_config\.json is not a sentence-transformers file \(max_seq_length: /,
      ],
      [
        'unknown-prompt',
        { 'config_sentence_transformers.json': { prompts: {}, default_prompt_name: 'query' } },
        /names the default prompt "query" but has no such prompt/,
      ],
    ];
    for (const [name, files, reason] of cases) {
      const dir = folderWith(name, files);
      const error: unknown = await loadEmbedder(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION');
      expect((error as AppError).message).toMatch(reason);
      expect((error as AppError).message).toContain(`The embedding model at ${dir} cannot be used`);
    }
  });
});
