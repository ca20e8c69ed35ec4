import { describe, expect, it } from 'vitest';
import { MATCH, alignWords } from './word-alignment';
import type { WordVectors } from '../engines/embeddings/embedder';

/** Unit vectors in 3-D, so the expected cosines can be worked out by hand. */
function words(entries: [string, number[]][]): WordVectors {
  return {
    words: entries.map(([w]) => w),
    vectors: entries.map(([, v]) => {
      const n = Math.hypot(...v);
      return Float32Array.from(v.map((x) => x / n));
    }),
    sentence: null,
  };
}

const ideal = words([
  ['index', [1, 0, 0]],
  ['latency', [0, 1, 0]],
]);

describe('alignWords', () => {
  it('is the mean best-match cosine over the ideal words, with matched words named', () => {
    const answer = words([
      ['indexes', [1, 0.1, 0]],
      ['holiday', [0, 0, 1]],
    ]);
    const result = alignWords(ideal, answer);
    // index ↔ indexes: cos ≈ 0.995; latency's best match is indexes: cos ≈ 0.0995.
    expect(result.recall).toBeCloseTo((0.995 + 0.0995) / 2, 3);
    expect(result.matched).toEqual(['index']);
    expect(MATCH).toBeLessThan(0.995);
  });

  it('weighs ideal words that the question already contains less', () => {
    const answer = words([['index', [1, 0, 0]]]);
    const plain = alignWords(ideal, answer).recall;
    const demoted = alignWords(ideal, answer, { questionWords: new Set(['index']) }).recall;
    expect(plain).toBeCloseTo(0.5, 5);
    expect(demoted).toBeCloseTo(0.3 / 1.3, 5);
  });

  it('is 0 for an empty answer or ideal answer, never negative', () => {
    expect(alignWords(ideal, words([])).recall).toBe(0);
    expect(alignWords(words([]), ideal).recall).toBe(0);
    const opposite = words([['not', [-1, -1, 0]]]);
    expect(alignWords(ideal, opposite).recall).toBe(0);
  });
});
