import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/random';
import { VectorIndex } from './vector-index';

const DIMS = 32;
const MODEL_ID = 'test-model@000000000000';

function unitVectors(count: number, seed: number, dims = DIMS): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dims }, () => random() * 2 - 1);
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  });
}

/** A unit vector along one axis: easy to reason about as a "known" entry. */
function axis(i: number, dims = DIMS): Float32Array {
  const v = new Float32Array(dims);
  v[i] = 1;
  return v;
}

describe('VectorIndex', () => {
  let dir: string;
  let file: string;
  const random = unitVectors(200, 42);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rehearse-vector-index-'));
    file = path.join(dir, 'answers.hnsw');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function filled(capacity?: number): Promise<VectorIndex> {
    const index = await VectorIndex.open({ file, dimensions: DIMS, modelId: MODEL_ID, capacity });
    random.forEach((v, i) => index.upsert(`r${i}`, v));
    for (const i of [0, 1, 2]) index.upsert(`known-${i}`, axis(i));
    return index;
  }

  it('starts empty and rebuilt when nothing is on disk', async () => {
    const index = await VectorIndex.open({ file, dimensions: DIMS, modelId: MODEL_ID });
    expect(index.rebuilt).toBe(true);
    expect(index.size).toBe(0);
    expect(index.search(axis(0), 5)).toEqual([]);
  });

  it('finds each stored vector first, with similarity ≈ 1, best first', async () => {
    const index = await filled();
    expect(index.size).toBe(203);
    const [top, ...rest] = index.search(axis(1), 5);
    expect(top).toEqual({ key: 'known-1', similarity: expect.closeTo(1, 5) });
    expect(rest).toHaveLength(4);
    const sims = index.search(axis(1), 5).map((r) => r.similarity);
    expect(sims).toEqual([...sims].sort((a, b) => b - a));
    for (let i = 0; i < random.length; i += 10) {
      expect(index.search(random[i]!, 1)[0]).toEqual({
        key: `r${i}`,
        similarity: expect.closeTo(1, 5),
      });
    }
  });

  it('applies a key filter and caps k at the index size', async () => {
    const index = await filled();
    const onlyRandom = index.search(axis(0), 3, (key) => key.startsWith('r'));
    expect(onlyRandom).toHaveLength(3);
    expect(onlyRandom.every((r) => r.key.startsWith('r'))).toBe(true);
    expect(index.search(axis(0), 1000)).toHaveLength(203);
  });

  it('hides removed keys and reuses their slots for new keys', async () => {
    const index = await filled();
    index.remove('known-0');
    index.remove('not-there'); // no-op
    expect(index.has('known-0')).toBe(false);
    expect(index.size).toBe(202);
    expect(index.search(axis(0), 10).map((r) => r.key)).not.toContain('known-0');
    index.upsert('known-0-again', axis(0));
    expect(index.search(axis(0), 1)[0]?.key).toBe('known-0-again');
    // Removing and re-adding the same key works too.
    index.remove('known-0-again');
    index.upsert('known-0-again', axis(0));
    expect(index.search(axis(0), 1)[0]?.key).toBe('known-0-again');
  });

  it('replaces the vector of an existing key on upsert', async () => {
    const index = await filled();
    index.upsert('known-2', axis(5));
    expect(index.size).toBe(203);
    expect(index.search(axis(5), 1)[0]).toEqual({
      key: 'known-2',
      similarity: expect.closeTo(1, 5),
    });
    expect(index.search(axis(2), 1)[0]?.key).not.toBe('known-2');
  });

  it('treats a zero vector as "nothing to index" and rejects malformed vectors', async () => {
    const index = await filled();
    index.upsert('known-1', new Float32Array(DIMS));
    expect(index.has('known-1')).toBe(false);
    expect(index.search(new Float32Array(DIMS), 3)).toEqual([]);
    expect(() => index.upsert('x', new Float32Array(DIMS + 1))).toThrow(RangeError);
    expect(() => index.upsert('x', new Float32Array(DIMS).fill(Number.NaN))).toThrow(RangeError);
    expect(() => index.search(new Float32Array(3), 1)).toThrow(RangeError);
  });

  it('saves atomically and reopens with the same results', async () => {
    const index = await filled();
    index.remove('r7');
    await index.save();
    expect(readdirSync(dir).sort()).toEqual(['answers.hnsw', 'answers.hnsw.json']); // no .part left
    const queries = [axis(0), axis(1), random[3]!, random[150]!];
    const before = queries.map((q) => index.search(q, 5));

    const reopened = await VectorIndex.open({ file, dimensions: DIMS, modelId: MODEL_ID });
    expect(reopened.rebuilt).toBe(false);
    expect(reopened.size).toBe(index.size);
    expect(reopened.has('r7')).toBe(false);
    const after = queries.map((q) => reopened.search(q, 5));
    expect(after.map((rs) => rs.map((r) => r.key))).toEqual(
      before.map((rs) => rs.map((r) => r.key)),
    );
    after
      .flat()
      .forEach((r, i) => expect(r.similarity).toBeCloseTo(before.flat()[i]!.similarity, 5));

    // The free label survived the round trip and is reused without confusion.
    reopened.upsert('new-key', axis(9));
    expect(reopened.search(axis(9), 1)[0]?.key).toBe('new-key');
    expect(reopened.search(random[7]!, 1)[0]?.key).not.toBe('r7');
    await reopened.save();
    const third = await VectorIndex.open({ file, dimensions: DIMS, modelId: MODEL_ID });
    expect(third.size).toBe(203);
    expect(third.search(axis(9), 1)[0]?.key).toBe('new-key');
  });

  it('rebuilds empty for another model or another width', async () => {
    await (await filled()).save();
    const otherModel = await VectorIndex.open({ file, dimensions: DIMS, modelId: 'other@123' });
    expect(otherModel.rebuilt).toBe(true);
    expect(otherModel.size).toBe(0);
    const otherWidth = await VectorIndex.open({ file, dimensions: 16, modelId: MODEL_ID });
    expect(otherWidth.rebuilt).toBe(true);
    expect(otherWidth.size).toBe(0);
    otherWidth.upsert('a', axis(3, 16)); // the fresh index uses the new width
    expect(otherWidth.search(axis(3, 16), 1)[0]?.key).toBe('a');
  });

  it('rebuilds instead of throwing when the sidecar or the index file is damaged', async () => {
    await (await filled()).save();
    writeFileSync(`${file}.json`, '{"format": "rehearse-vector-index", "entr');
    const badSidecar = await VectorIndex.open({ file, dimensions: DIMS, modelId: MODEL_ID });
    expect(badSidecar.rebuilt).toBe(true);
    expect(badSidecar.size).toBe(0);

    await (await filled()).save();
    truncateSync(file, 1000); // e.g. a crash between the two renames, or disk damage
    const badIndex = await VectorIndex.open({ file, dimensions: DIMS, modelId: MODEL_ID });
    expect(badIndex.rebuilt).toBe(true);

    rmSync(file);
    expect(existsSync(`${file}.json`)).toBe(true);
    const noIndex = await VectorIndex.open({ file, dimensions: DIMS, modelId: MODEL_ID });
    expect(noIndex.rebuilt).toBe(true);
  });

  it('grows past its initial capacity', async () => {
    const index = await filled(8);
    expect(index.size).toBe(203);
    for (let i = 0; i < random.length; i += 25)
      expect(index.search(random[i]!, 1)[0]?.key).toBe(`r${i}`);
    await index.save();
    const reopened = await VectorIndex.open({
      file,
      dimensions: DIMS,
      modelId: MODEL_ID,
      capacity: 8,
    });
    expect(reopened.size).toBe(203);
    reopened.upsert('one-more', axis(4));
    expect(reopened.search(axis(4), 1)[0]?.key).toBe('one-more');
  });

  it('writes into a folder that does not exist yet', async () => {
    const nested = path.join(dir, 'a', 'b', 'index.hnsw');
    const index = await VectorIndex.open({ file: nested, dimensions: DIMS, modelId: MODEL_ID });
    index.upsert('k', axis(0));
    await Promise.all([index.save(), index.save()]); // overlapping saves are serialised
    const reopened = await VectorIndex.open({ file: nested, dimensions: DIMS, modelId: MODEL_ID });
    expect(reopened.rebuilt).toBe(false);
    expect(reopened.has('k')).toBe(true);
  });
});
