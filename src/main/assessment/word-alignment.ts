// Word-by-word alignment of an answer with an ideal answer: for each content word of the ideal
// answer, the closest word of the answer (cosine of their vectors). The weighted mean of those
// best matches is the share of the ideal answer the answer covers, allowing for other wording —
// BERTScore recall (Zhang et al. 2020), which grades short answers better than one sentence
// vector per text because a single correct term is not averaged away by everything around it.
import type { WordVectors } from '../engines/embeddings/embedder';

export interface AlignmentOptions {
  /** Ideal-answer words that the question already contains count this much (0–1): repeating
   * the question is not content. */
  readonly questionWords?: ReadonlySet<string>;
  readonly questionWordWeight?: number;
}

export interface Alignment {
  /** Weighted mean best-match cosine over the ideal answer's words, 0–1 (0 when either is empty). */
  readonly recall: number;
  /** Ideal-answer words whose best match is at least `MATCH` — "covered in other words". */
  readonly matched: string[];
}

/** A best-match cosine at or above this counts as the same idea (GloVe and MiniLM alike put
 * near-synonyms above it and unrelated words well below). */
export const MATCH = 0.7;

export function alignWords(
  ideal: WordVectors,
  answer: WordVectors,
  options: AlignmentOptions = {},
): Alignment {
  if (ideal.vectors.length === 0 || answer.vectors.length === 0) return { recall: 0, matched: [] };
  const demoted = options.questionWordWeight ?? 0.3;
  const dims = ideal.vectors[0]!.length;
  // The loop below is most of an evaluation's arithmetic (ideal words × answer words ×
  // dimensions): one contiguous float64 matrix of the answer's vectors and four partial sums keep
  // it in cache and let the engine pipeline the multiplications.
  const count = answer.vectors.length;
  const matrix = new Float64Array(count * dims);
  answer.vectors.forEach((v, j) => matrix.set(v, j * dims));
  const target = new Float64Array(dims);
  let sum = 0;
  let weights = 0;
  const matched = new Set<string>();
  ideal.vectors.forEach((vector, i) => {
    target.set(vector);
    let best = 0;
    for (let j = 0, offset = 0; j < count; j++, offset += dims) {
      let a = 0;
      let b = 0;
      let c = 0;
      let d = 0;
      let k = 0;
      for (; k + 3 < dims; k += 4) {
        a += target[k]! * matrix[offset + k]!;
        b += target[k + 1]! * matrix[offset + k + 1]!;
        c += target[k + 2]! * matrix[offset + k + 2]!;
        d += target[k + 3]! * matrix[offset + k + 3]!;
      }
      for (; k < dims; k++) a += target[k]! * matrix[offset + k]!;
      const cosine = a + b + c + d;
      if (cosine > best) best = cosine;
    }
    const word = ideal.words[i] ?? '';
    const weight = options.questionWords?.has(word) ? demoted : 1;
    sum += best * weight;
    weights += weight;
    if (best >= MATCH) matched.add(word);
  });
  return { recall: weights === 0 ? 0 : clamp01(sum / weights), matched: [...matched] };
}

function clamp01(n: number): number {
  return Math.max(0, Math.min(1, n));
}
