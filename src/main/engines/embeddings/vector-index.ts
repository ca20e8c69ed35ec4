import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline as pipeStreams } from 'node:stream/promises';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import { z } from 'zod';

/** Graph parameters: hnswlib's defaults, which give near-exact recall at the sizes Rehearse sees. */
const M = 16;
const EF_CONSTRUCTION = 200;
const RANDOM_SEED = 100;
/** Candidates examined per query; raised to k when k is larger. Higher than hnswlib's 10 for recall. */
const EF_SEARCH = 64;
const DEFAULT_CAPACITY = 1024;

/**
 * The sidecar "<file>.json". The index file's sha256 ties the pair together: the two renames in
 * save() are not atomic as a pair, and hnswlib may crash rather than throw on a damaged file, so a
 * mismatched or damaged index is detected here before hnswlib ever reads it.
 */
const sidecarSchema = z.object({
  format: z.literal('rehearse-vector-index'),
  version: z.literal(1),
  modelId: z.string(),
  dimensions: z.number().int().positive(),
  indexSha256: z.string().regex(/^[0-9a-f]{64}$/),
  entries: z.array(z.tuple([z.string(), z.number().int().nonnegative()])),
  freeLabels: z.array(z.number().int().nonnegative()),
});
type Sidecar = z.infer<typeof sidecarSchema>;

export interface VectorIndexOptions {
  /** Where the hnswlib index is stored; the key map goes next to it in "<file>.json". */
  file: string;
  dimensions: number;
  /** The embedder's modelId; vectors from another model are not comparable, so a change rebuilds. */
  modelId: string;
  /** Initial number of slots; grows by doubling as needed. */
  capacity?: number;
}

/**
 * A persisted nearest-neighbour index over string keys (cosine similarity, hnswlib HNSW graph).
 * Labels are hnswlib's numeric ids; they always form 0..n-1, each either mapped to a key or free
 * (marked deleted, reused by the next new key) so the graph never grows from churn.
 */
export class VectorIndex {
  private readonly labelOf = new Map<string, number>();
  private readonly keyOf = new Map<number, string>();
  private freeLabels: number[] = [];
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: Required<VectorIndexOptions>,
    private readonly index: HierarchicalNSW,
    /** True when nothing usable was on disk (missing, damaged, other model): re-add everything. */
    readonly rebuilt: boolean,
  ) {}

  static async open(options: VectorIndexOptions): Promise<VectorIndex> {
    const full = { ...options, capacity: Math.max(1, options.capacity ?? DEFAULT_CAPACITY) };
    if (!Number.isInteger(full.dimensions) || full.dimensions <= 0)
      throw new RangeError(`A vector index needs a positive whole number of dimensions.`);
    const loaded = await VectorIndex.load(full).catch(() => undefined);
    if (loaded) return loaded;
    const index = new hnswlib.HierarchicalNSW('cosine', full.dimensions);
    index.initIndex({
      maxElements: full.capacity,
      m: M,
      efConstruction: EF_CONSTRUCTION,
      randomSeed: RANDOM_SEED,
    });
    return new VectorIndex(full, index, true);
  }

  /** Reads the saved pair, or undefined when it is missing or does not match these options. */
  private static async load(
    options: Required<VectorIndexOptions>,
  ): Promise<VectorIndex | undefined> {
    const sidecar = sidecarSchema.parse(JSON.parse(await readFile(`${options.file}.json`, 'utf8')));
    if (sidecar.modelId !== options.modelId || sidecar.dimensions !== options.dimensions) return;
    if ((await sha256File(options.file)) !== sidecar.indexSha256) return;
    const index = new hnswlib.HierarchicalNSW('cosine', options.dimensions);
    // hnswlib would happily read a file of another width as garbage; the checks above prevent it.
    await index.readIndex(options.file);
    const result = new VectorIndex(options, index, false);
    for (const [key, label] of sidecar.entries) result.link(key, label);
    result.freeLabels = [...sidecar.freeLabels];
    // Every label 0..count-1 must be exactly one of mapped or free, or the map is not this index's.
    const labels = new Set([...result.keyOf.keys(), ...result.freeLabels]);
    const count = index.getCurrentCount();
    const consistent =
      labels.size === count &&
      result.labelOf.size + result.freeLabels.length === count &&
      [...labels].every((label) => label < count);
    return consistent ? result : undefined;
  }

  get size(): number {
    return this.labelOf.size;
  }

  /** Every key in the index (a copy: safe to remove keys while iterating it). */
  keys(): string[] {
    return [...this.labelOf.keys()];
  }

  has(key: string): boolean {
    return this.labelOf.has(key);
  }

  /**
   * Adds or replaces the vector for `key`. A zero vector (e.g. an empty answer) has no direction
   * to compare, so it removes the key instead of storing something every query would tie with.
   */
  upsert(key: string, vector: Float32Array): void {
    const point = this.toPoint(vector);
    if (!point) return this.remove(key);
    const existing = this.labelOf.get(key);
    if (existing !== undefined) return this.index.addPoint(point, existing); // hnswlib updates in place
    const reused = this.freeLabels.pop();
    // addPoint on a deleted label un-deletes it and overwrites its vector, reusing the slot.
    const label = reused ?? this.index.getCurrentCount();
    if (reused === undefined && label >= this.index.getMaxElements())
      this.index.resizeIndex(Math.max(1, this.index.getMaxElements()) * 2);
    this.index.addPoint(point, label);
    this.link(key, label);
  }

  remove(key: string): void {
    const label = this.labelOf.get(key);
    if (label === undefined) return;
    this.index.markDelete(label);
    this.labelOf.delete(key);
    this.keyOf.delete(label);
    this.freeLabels.push(label);
  }

  /** The k nearest keys (optionally only those `filter` accepts), best first; similarity = cosine. */
  search(
    vector: Float32Array,
    k: number,
    filter?: (key: string) => boolean,
  ): { key: string; similarity: number }[] {
    const point = this.toPoint(vector);
    const wanted = Math.min(Math.floor(k), this.size);
    if (!point || wanted <= 0) return [];
    this.index.setEf(Math.max(EF_SEARCH, wanted));
    const accepts = (label: number): boolean => {
      const key = this.keyOf.get(label);
      return key !== undefined && (filter ? filter(key) : true);
    };
    const { neighbors, distances } = this.index.searchKnn(point, wanted, accepts);
    return neighbors.flatMap((label, i) => {
      const key = this.keyOf.get(label);
      return key === undefined ? [] : [{ key, similarity: 1 - (distances[i] ?? 1) }];
    });
  }

  /**
   * Writes "<file>.part" and "<file>.json.part", flushes them, then renames each over the old
   * file, so a crash never leaves a half-written file under the real name (a crash between the two
   * renames leaves a pair whose hash differs, which open() treats as missing).
   */
  async save(): Promise<void> {
    // Saves run one at a time so two never write the same .part files.
    const next = this.saving.then(() => this.writeFiles());
    this.saving = next.catch(() => undefined);
    return next;
  }

  private async writeFiles(): Promise<void> {
    const { file } = this.options;
    await mkdir(path.dirname(file), { recursive: true });
    // Synchronous on purpose: hnswlib's async writer reads the graph on a worker thread while this
    // thread might be adding points (or resizing, which frees the memory being read). The key map
    // is snapshotted in the same tick so the two files describe the same state.
    this.index.writeIndexSync(`${file}.part`);
    const snapshot: Omit<Sidecar, 'indexSha256'> = {
      format: 'rehearse-vector-index',
      version: 1,
      modelId: this.options.modelId,
      dimensions: this.options.dimensions,
      entries: [...this.labelOf.entries()],
      freeLabels: [...this.freeLabels],
    };
    try {
      await flush(`${file}.part`);
      const sidecar: Sidecar = { ...snapshot, indexSha256: await sha256File(`${file}.part`) };
      await writeFile(`${file}.json.part`, JSON.stringify(sidecar), 'utf8');
      await flush(`${file}.json.part`);
      await rename(`${file}.part`, file);
      await rename(`${file}.json.part`, `${file}.json`);
    } catch (error) {
      await Promise.all([
        rm(`${file}.part`, { force: true }),
        rm(`${file}.json.part`, { force: true }),
      ]);
      throw error;
    }
  }

  private link(key: string, label: number): void {
    this.labelOf.set(key, label);
    this.keyOf.set(label, key);
  }

  /** hnswlib wants a plain array; returns undefined for a zero vector. */
  private toPoint(vector: Float32Array): number[] | undefined {
    if (vector.length !== this.options.dimensions)
      throw new RangeError(
        `Expected a vector of ${this.options.dimensions} dimensions, got ${vector.length}.`,
      );
    let nonZero = false;
    for (const value of vector) {
      if (!Number.isFinite(value))
        throw new RangeError('Vectors must not contain NaN or Infinity.');
      if (value !== 0) nonZero = true;
    }
    return nonZero ? Array.from(vector) : undefined;
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeStreams(createReadStream(file), hash);
  return hash.digest('hex');
}

/** fsync, so a power cut after the rename cannot leave the new name pointing at unwritten data. */
async function flush(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
