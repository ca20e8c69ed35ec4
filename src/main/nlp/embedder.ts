import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline as pipeStreams } from 'node:stream/promises';
import { AppError } from '../core/errors';
import { isScoringStopword } from '../scoring/text';

export interface Embedder {
  /** e.g. "glove-wordpiece-onnx@ffd79f0feb39": folder name + first 12 hex of the model file's sha256, so stored vectors can tell when the model file changed. */
  readonly modelId: string;
  readonly dimensions: number;
  /** Mean-pooled, L2-normalised sentence vectors, one per text, in order. Empty text → zero vector. */
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
  /** The text's sentence vector from the same model run (mean of all token vectors, as
   * embed() computes it); null for empty text. */
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
 * The pipeline already truncates to the tokenizer's model_max_length (512 WordPiece tokens for
 * MiniLM and the test model), so only the start of a very long answer shapes its vector. Cutting
 * the characters first keeps the tokenizer from chewing through a 20,000-word answer it would
 * throw away anyway; 16 characters per token is far more than English text needs.
 */
const MAX_INPUT_CHARS = 512 * 16;

/** The part of transformers.js's output tensor we read; `data` is narrowed at runtime. */
interface PooledOutput {
  readonly dims: readonly number[];
  readonly data: unknown;
}

/** The part of a feature-extraction pipeline we use, so nothing untyped leaks out of the library. */
interface Extractor {
  (
    texts: string[],
    options: { pooling: 'mean' | 'none'; normalize: boolean },
  ): Promise<PooledOutput>;
  readonly tokenizer: {
    (texts: string[], options: { padding: boolean; truncation: boolean }): TokenizedInput;
    decode(ids: number[]): string;
  };
  /** The model itself: what the pipeline runs after tokenizing. */
  readonly model: (
    inputs: TokenizedInput,
  ) => Promise<{ readonly last_hidden_state?: PooledOutput }>;
  dispose(): Promise<void>;
}

/** The tokenizer's output, fed to the model as is; `input_ids.data` is narrowed at runtime. */
interface TokenizedInput {
  readonly input_ids: { readonly data: unknown };
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
    session_options: { extra: { session: { disable_quant_qdq: '1' } } },
  });
  return extractor;
}

function toVectors(output: PooledOutput, count: number): Float32Array[] {
  const [rows, dims] = output.dims;
  if (!(output.data instanceof Float32Array) || rows !== count || !dims || output.dims.length !== 2)
    throw new Error(`unexpected model output of shape [${output.dims.join(', ')}]`);
  const data = output.data;
  return Array.from({ length: count }, (_, row) =>
    normalise(data.slice(row * dims, (row + 1) * dims)),
  );
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
  const hash = await sha256File(path.join(dir, model.file));

  let extractor: Extractor;
  let dimensions: number;
  try {
    extractor = await createExtractor(dir, model);
  } catch (error) {
    throw unusable(dir, 'its files could not be loaded', error);
  }
  try {
    // A probe run proves the model actually computes, and tells us its width.
    const probe = await extractor(['interview'], { pooling: 'mean', normalize: false });
    dimensions = toVectors(probe, 1)[0]!.length;
  } catch (error) {
    await extractor.dispose().catch(() => undefined);
    throw unusable(dir, 'it does not produce sentence vectors', error);
  }
  return new OnnxEmbedder(`${path.basename(dir)}@${hash.slice(0, 12)}`, dimensions, extractor);
}

class OnnxEmbedder implements Embedder {
  private disposed = false;

  constructor(
    readonly modelId: string,
    readonly dimensions: number,
    private readonly extractor: Extractor,
  ) {}

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
      const output = await this.extractor(
        batch.map((item) => item.text),
        { pooling: 'mean', normalize: false },
      );
      toVectors(output, batch.length).forEach((vector, i) => (results[batch[i]!.index] = vector));
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
    // Tokenized once, here, rather than by the pipeline and again for the word pieces.
    const inputs = this.extractor.tokenizer([input], { padding: true, truncation: true });
    const output = (await this.extractor.model(inputs)).last_hidden_state;
    const [, rows, dims] = output?.dims ?? [];
    if (
      !output ||
      !(output.data instanceof Float32Array) ||
      !rows ||
      !dims ||
      output.dims.length !== 3
    )
      throw new Error(`unexpected model output of shape [${output?.dims.join(', ') ?? ''}]`);
    const ids = inputs.input_ids.data;
    if (!(ids instanceof BigInt64Array)) throw new Error('unexpected token ids from the tokenizer');
    const data = output.data;
    const pieces = Array.from(ids.subarray(0, rows), (id) => this.tokenText(Number(id)));
    // Mean pooling of one unpadded text is the plain mean over its tokens.
    const sentence = new Float32Array(dims);
    for (let row = 0; row < rows; row++)
      for (let i = 0; i < dims; i++) sentence[i]! += data[row * dims + i]! / rows;
    // Join WordPiece continuations ("##ing") to their word, summing the piece vectors.
    const words: { word: string; sum: Float32Array }[] = [];
    pieces.forEach((piece, row) => {
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
      sentence: normalise(sentence),
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
