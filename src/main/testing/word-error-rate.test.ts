import { describe, expect, it } from 'vitest';
import { normalisedWords, wordErrorRate } from './word-error-rate';

describe('word error rate', () => {
  it('ignores case and punctuation but not words', () => {
    expect(
      wordErrorRate('Ask not what your country can do.', 'ask not, what your Country can do'),
    ).toBe(0);
    expect(normalisedWords("It's the team’s call — isn't it?")).toEqual([
      "it's",
      'the',
      "team's",
      'call',
      "isn't",
      'it',
    ]);
  });

  it('counts substitutions, deletions and insertions against the reference length', () => {
    expect(wordErrorRate('a b c d', 'a x c d')).toBe(0.25);
    expect(wordErrorRate('a b c d', 'a c d')).toBe(0.25);
    expect(wordErrorRate('a b c d', 'a b b c d e')).toBe(0.5);
    expect(wordErrorRate('a b', '')).toBe(1);
  });

  it('refuses an empty reference', () => {
    expect(() => wordErrorRate(' ,. ', 'words')).toThrow(/no words/);
  });
});
