import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline as pipeStreams } from 'node:stream/promises';
import { AppError } from '../../platform/errors';
import { isScoringStopword } from '../language/text';
import {
  DEFAULT_SENTENCE_CONFIG,
  readSentenceConfig,
  SentenceConfigError,
  type SentenceConfig,
} from './sentence-config';

export interface Embedder {
  /**
   * e.g. "glove-wordpiece-onnx@ffd79f0feb39": folder name + first 12 hex of the model file's
   * sha256 (mixed with the folder's pooling, prompt and length settings when it has them), so
   * stored vectors can tell when the model changed.
   */
  readonly modelId: string;
  readonly dimensions: number;
  /**
   * Sentence vectors, pooled and prompted as the folder's sentence-transformers files say (see
   * sentence-config.ts; mean pooling without them), L2-normalised, one per text, in order.
   * Empty text → zero vector.
   */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /**
   * The model's vector for each content word of the text (stopwords, numbers and special tokens
   * left out; word pieces averaged into their word), L2-normalised, in text order. Used to align
   * an answer with an ideal answer word by word (see word-alignment.ts).
   */
  embedWords(text: string): Promise<WordVectors>;
  dispose(): Promise<void>;
}

export interface WordVectors {
  readonly words: string[];
  readonly vectors: Float32Array[];
  /** The text's sentence vector from the same model run, as embed() computes it; null for
   * empty text. */
  readonly sentence: Float32Array | null;
}

/** Files transformers.js needs from a folder in the Xenova/all-MiniLM-L6-v2 layout. */
const REQUIRED_FILES = ['config.json', 'tokenizer.json'] as const;
/**
 * The model file, as transformers.js names it by dtype: the full-precision export if the folder
 * has one, else the int8 one (what the model manager installs for all-MiniLM-L6-v2).
 */
const MODEL_FILES = [
  { file: 'onnx/model.onnx', dtype: 'fp32' },
  { file: 'onnx/model_quantized.onnx', dtype: 'q8' },
] as const;
type ModelFile = (typeof MODEL_FILES)[number];

/** Texts per ONNX run: bounds memory (batch × longest × hidden) while keeping per-call overhead low. */
const BATCH_SIZE = 32;

/**
 * The tokenizer truncates to the model's length (at most 512 WordPiece tokens for the models
 * Rehearse uses), so only the start of a very long answer shapes its vector. Cutting
 * the characters first keeps the tokenizer from chewing through a 20,000-word answer it would
 * throw away anyway; 16 characters per token is far more than English text needs.
 */
const MAX_INPUT_CHARS = 512 * 16;

/** The part of a transformers.js tensor we read; `data` is narrowed at runtime. */
interface TensorLike {
  readonly dims: readonly number[];
  readonly data: unknown;
}

/** The part of a feature-extraction pipeline we use, so nothing untyped leaks out of the library. */
interface Extractor {
  readonly tokenizer: {
    (
      texts: string[],
      options: { padding: boolean; truncation: boolean; max_length?: number },
    ): TokenizedInput;
    encode(text: string, options: { add_special_tokens: boolean }): number[];
    readonly sep_token_id?: number | null | undefined;
    decode(ids: number[]): string;
  };
  /** The model itself: what the pipeline runs after tokenizing. */
  readonly model: (inputs: TokenizedInput) => Promise<{
    readonly last_hidden_state?: TensorLike;
    readonly token_embeddings?: TensorLike;
  }>;
  dispose(): Promise<void>;
}

/** The tokenizer's output, fed to the model as is; the data are narrowed at runtime. */
interface TokenizedInput {
  readonly input_ids: TensorLike;
  readonly attention_mask: TensorLike;
}

/** One model run over a batch: token vectors [texts × tokens × dims], which tokens are real. */
interface TokenRun {
  readonly vectors: Float32Array;
  readonly ids: BigInt64Array;
  readonly mask: BigInt64Array;
  readonly texts: number;
  readonly tokens: number;
  readonly dims: number;
}

/** Words that carry content: letters, not a stopword (negation and order in time are kept: see
 * isScoringStopword), not a [CLS]-style special token. */
function isContentWord(word: string): boolean {
  return /^[a-z][a-z'-]*$/.test(word) && !isScoringStopword(word);
}

function unusable(dir: string, reason: string, cause?: unknown): AppError {
  return new AppError(
    'VALIDATION',
    `The embedding model at ${dir} cannot be used: ${reason}. Reinstall it from the model manager.`,
    cause === undefined ? undefined : { cause: errorText(cause) },
  );
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().replace(/\.$/, '');
}

/** Streams the file through sha256 so a 100 MB model is never held in memory at once. */
async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeStreams(createReadStream(file), hash);
  return hash.digest('hex');
}

async function checkFolder(dir: string): Promise<ModelFile> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw unusable(dir, 'the folder does not exist');
  for (const name of REQUIRED_FILES) {
    const file = await stat(path.join(dir, name)).catch(() => undefined);
    if (!file?.isFile()) throw unusable(dir, `${name} is missing`);
    if (file.size === 0) throw unusable(dir, `${name} is empty`);
  }
  for (const model of MODEL_FILES) {
    const file = await stat(path.join(dir, model.file)).catch(() => undefined);
    if (!file?.isFile()) continue;
    if (file.size === 0) throw unusable(dir, `${model.file} is empty`);
    return model;
  }
  throw unusable(dir, `${MODEL_FILES.map((m) => m.file).join(' or ')} is missing`);
}

async function createExtractor(dir: string, model: ModelFile): Promise<Extractor> {
  // Imported lazily: loading transformers.js pulls in onnxruntime's native code, which the app
  // only needs once someone actually uses semantic features.
  const transformers = await import('@huggingface/transformers');
  // The only global settings we touch. Rehearse is offline by promise, so never let the library
  // reach the Hugging Face Hub, even if a future caller passes something that looks like a repo id.
  // We pass an absolute folder path as the model id, which transformers.js reads directly, so
  // `env.localModelPath` stays untouched: setting it per load would race between two loads from
  // different parents, and transformers.js memoises config by model id, which the folder name
  // alone would make ambiguous.
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  // Assigning to the narrow interface type-checks the library's result without a cast.
  const extractor: Extractor = await transformers.pipeline('feature-extraction', dir, {
    dtype: model.dtype,
    local_files_only: true,
    // Weights stored quantized behind a DequantizeLinear node (as in the GloVe test model) are
    // otherwise dequantized again on every run, which for an embedding table is most of a run's
    // cost; this lets onnxruntime fold them once at load, trading a little memory for speed.
    // Models without such nodes (all-MiniLM-L6-v2 in fp32, or its dynamically quantized int8
    // export, which uses MatMulInteger) are unaffected.
    session_options: {
      extra: { session: { disable_quant_qdq: '1' } },
      // One thread: answers are scored one at a time, beside the language worker and the
      // interface, and a text of a few hundred word pieces is too small a job to split. On a
      // busy two-core machine onnxruntime's default pool (a thread per core, spinning while it
      // waits) made a MiniLM run about five times slower than one thread did.
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
    },
  });
  return extractor;
}

/**
 * L2-normalises in place. Done here rather than by the pipeline because a text whose tokens all
 * have zero vectors (the GloVe test model has none for numbers) would otherwise divide by zero.
 */
function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0 && Number.isFinite(norm)) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  else vector.fill(0);
  return vector;
}

export async function loadEmbedder(modelDir: string): Promise<Embedder> {
  const dir = path.resolve(modelDir);
  const model = await checkFolder(dir);
  let config: SentenceConfig;
  try {
    config = await readSentenceConfig(dir);
  } catch (error) {
    if (error instanceof SentenceConfigError) throw unusable(dir, error.message);
    throw error;
  }
  const hash = await sha256File(path.join(dir, model.file));

  let extractor: Extractor;
  try {
    extractor = await createExtractor(dir, model);
  } catch (error) {
    throw unusable(dir, 'its files could not be loaded', error);
  }
  const embedder = new OnnxEmbedder(
    `${path.basename(dir)}@${modelHash(hash, config)}`,
    extractor,
    config,
  );
  try {
    // A probe run proves the model actually computes, and tells us its width.
    await embedder.probe();
  } catch (error) {
    await extractor.dispose().catch(() => undefined);
    throw unusable(dir, 'it does not produce sentence vectors', error);
  }
  return embedder;
}

/**
 * The first 12 hex of the model file's sha256; when the folder's sentence-transformers files
 * change how vectors are made (pooling, prompt, length), of a hash over both, so vectors stored
 * under one id always come from the same weights used the same way.
 */
function modelHash(fileSha256: string, config: SentenceConfig): string {
  const isDefault =
    config.pooling === DEFAULT_SENTENCE_CONFIG.pooling &&
    config.prompt === DEFAULT_SENTENCE_CONFIG.prompt &&
    config.maxTokens === DEFAULT_SENTENCE_CONFIG.maxTokens;
  if (isDefault) return fileSha256.slice(0, 12);
  const settings = JSON.stringify([config.pooling, config.prompt, config.maxTokens]);
  return createHash('sha256').update(`${fileSha256}\n${settings}`).digest('hex').slice(0, 12);
}

class OnnxEmbedder implements Embedder {
  private disposed = false;
  private width = 0;
  /** Word pieces the prompt adds after [CLS]: not words of the text, left out of embedWords. */
  private readonly promptTokens: number;

  constructor(
    readonly modelId: string,
    private readonly extractor: Extractor,
    private readonly config: SentenceConfig,
  ) {
    this.promptTokens =
      config.prompt === ''
        ? 0
        : extractor.tokenizer.encode(config.prompt, { add_special_tokens: false }).length;
  }

  async probe(): Promise<void> {
    this.width = (await this.run(['interview'])).dims;
  }

  get dimensions(): number {
    return this.width;
  }

  /** Tokenizes the texts (prompt first, cut to the model's length) and runs the model once. */
  private async run(texts: readonly string[]): Promise<TokenRun> {
    if (this.disposed) throw new AppError('INVALID_STATE', 'The embedding model has been closed.');
    const inputs = this.extractor.tokenizer(
      texts.map((text) => this.config.prompt + text),
      {
        padding: true,
        truncation: true,
        ...(this.config.maxTokens !== null && { max_length: this.config.maxTokens }),
      },
    );
    const ids = inputs.input_ids.data;
    const mask = inputs.attention_mask.data;
    const [rows, tokens] = inputs.input_ids.dims;
    if (!(ids instanceof BigInt64Array) || !(mask instanceof BigInt64Array) || !tokens)
      throw new Error('unexpected token ids from the tokenizer');
    // transformers.js cuts a long text after adding [SEP], so its last piece of text takes
    // [SEP]'s place; BERT models were trained (and sentence-transformers truncates) with [SEP]
    // last, so it is put back. Untruncated texts already end in [SEP] or padding.
    const sep = this.extractor.tokenizer.sep_token_id;
    if (typeof sep === 'number')
      for (let row = 0, last = tokens - 1; row < texts.length; row++, last += tokens)
        if (mask[last] === 1n && ids[last] !== BigInt(sep)) ids[last] = BigInt(sep);
    const outputs = await this.extractor.model(inputs);
    const output = outputs.last_hidden_state ?? outputs.token_embeddings;
    const [count, length, dims] = output?.dims ?? [];
    const { data } = output ?? {};
    if (
      !(data instanceof Float32Array) ||
      output?.dims.length !== 3 ||
      count !== texts.length ||
      rows !== count ||
      length !== tokens ||
      !dims
    )
      throw new Error(`unexpected model output of shape [${output?.dims.join(', ') ?? ''}]`);
    return { vectors: data, ids, mask, texts: count, tokens, dims };
  }

  /** The text's sentence vector from a run, pooled as the model's authors say, unnormalised. */
  private pool(run: TokenRun, text: number): Float32Array {
    const { dims, tokens } = run;
    const start = text * tokens * dims;
    if (this.config.pooling === 'cls') return run.vectors.slice(start, start + dims);
    const sum = new Float32Array(dims);
    let count = 0;
    for (let t = 0; t < tokens; t++) {
      if (run.mask[text * tokens + t] === 0n) continue;
      const offset = start + t * dims;
      for (let i = 0; i < dims; i++) sum[i]! += run.vectors[offset + i]!;
      count++;
    }
    for (let i = 0; i < dims; i++) sum[i]! /= Math.max(1, count);
    return sum;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.disposed) throw new AppError('INVALID_STATE', 'The embedding model has been closed.');
    const results: Float32Array[] = texts.map(() => new Float32Array(this.dimensions));
    // Sort by length so each padded batch holds texts of similar size; empty texts keep zeros.
    const order = texts
      .map((text, index) => ({ index, text: text.trim().slice(0, MAX_INPUT_CHARS) }))
      .filter((item) => item.text !== '')
      .sort((a, b) => a.text.length - b.text.length);
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const batch = order.slice(start, start + BATCH_SIZE);
      const run = await this.run(batch.map((item) => item.text));
      batch.forEach((item, i) => (results[item.index] = normalise(this.pool(run, i))));
    }
    return results;
  }

  /** Token ids repeat endlessly across answers: decode each once. */
  private readonly tokenTexts = new Map<number, string>();

  private tokenText(id: number): string {
    let text = this.tokenTexts.get(id);
    if (text === undefined) {
      text = this.extractor.tokenizer.decode([id]).toLowerCase();
      this.tokenTexts.set(id, text);
    }
    return text;
  }

  async embedWords(text: string): Promise<WordVectors> {
    if (this.disposed) throw new AppError('INVALID_STATE', 'The embedding model has been closed.');
    const input = text.trim().slice(0, MAX_INPUT_CHARS);
    if (input === '') return { words: [], vectors: [], sentence: null };
    // One run gives both the sentence vector and the word pieces' vectors.
    const run = await this.run([input]);
    const { dims, tokens: rows, vectors: data } = run;
    const pieces = Array.from(run.ids.subarray(0, rows), (id) => this.tokenText(Number(id)));
    // Join WordPiece continuations ("##ing") to their word, summing the piece vectors. The
    // prompt's pieces (right after [CLS]) belong to no word of the text.
    const words: { word: string; sum: Float32Array }[] = [];
    pieces.forEach((piece, row) => {
      if (row >= 1 && row <= this.promptTokens) return;
      const vector = data.slice(row * dims, (row + 1) * dims);
      const last = words[words.length - 1];
      if (piece.startsWith('##') && last) {
        last.word += piece.slice(2);
        for (let i = 0; i < dims; i++) last.sum[i]! += vector[i]!;
      } else words.push({ word: piece, sum: vector });
    });
    const kept = words.filter((w) => isContentWord(w.word));
    const vectors = kept.map((w) => normalise(w.sum));
    const usable = vectors.map((v) => v.some((x) => x !== 0));
    return {
      words: kept.map((w) => w.word).filter((_, i) => usable[i]),
      vectors: vectors.filter((_, i) => usable[i]),
      sentence: normalise(this.pool(run, 0)),
    };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.extractor.dispose();
  }
}

/** Cosine of the angle between two vectors; 0 when either is a zero vector. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length)
    throw new RangeError(`Cannot compare vectors of ${a.length} and ${b.length} dimensions.`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  return dot / Math.sqrt(normA * normB);
}
