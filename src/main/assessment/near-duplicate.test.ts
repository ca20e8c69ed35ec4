import { describe, expect, it } from 'vitest';
import {
  NEAR_DUPLICATE,
  closestByMeaning,
  closestByWording,
  isNearDuplicate,
  nearDuplicateWording,
  wordingSimilarity,
} from './near-duplicate';

describe('near-duplicate questions by wording', () => {
  const known = [
    'What is the difference between an INNER JOIN and a LEFT JOIN in SQL?',
    'Tell me about a time you disagreed with a teammate.',
  ];

  it('finds a rewording of a known question and lets a new one through', () => {
    expect(
      closestByWording(
        'In SQL, what is the difference between a LEFT JOIN and an INNER JOIN?',
        known,
      ),
    ).toMatchObject({ index: 0 });
    expect(closestByWording('How do you choose an index for a slow SQL query?', known)).toBeNull();
  });

  it('takes the closest of several near-duplicates', () => {
    const question = 'Where do you want to grow as a support leader over the next few years?';
    const others = [
      'Tell me about a time you disagreed with a teammate.',
      'Where do you want to grow as a sales leader over the next few years?',
      'Where do you want to grow as a support lead over the coming few years?',
      'Where do you want to grow as a support leader over the next few years, and why?',
    ];
    const similarities = others.map((o) => wordingSimilarity(question, o));
    const best = Math.max(...similarities);
    expect(similarities.filter((s) => s >= NEAR_DUPLICATE.wording).length).toBeGreaterThan(1);
    expect(closestByWording(question, others)).toEqual({
      index: similarities.indexOf(best),
      similarity: best,
    });
    expect(closestByWording(question, others.slice(0, 1))).toBeNull();
  });

  it('counts one question with the role named differently as the same question', () => {
    // Pairs from the built-in bank that sit between 0.75 and 0.8.
    const a = 'What kind of senior data science role are you looking for, and why this company?';
    const b = 'What kind of senior quality role are you looking for, and why this company?';
    const similarity = wordingSimilarity(a, b);
    expect(similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE.wording);
    expect(similarity).toBeLessThan(0.8);
    expect(nearDuplicateWording(a, b)).toBe(true);
    expect(
      nearDuplicateWording(
        'Tell me about a time you fixed a production outage.',
        'Describe a conflict with a colleague and how you resolved it.',
      ),
    ).toBe(false);
  });
});

describe('near-duplicate questions by meaning', () => {
  it('compares sentence vectors against the meaning threshold', () => {
    const question = new Float32Array([1, 0, 0]);
    const reworded = new Float32Array([0.97, 0.2, 0]); // cosine ≈ 0.98
    const related = new Float32Array([0.8, 0.6, 0]); // cosine 0.8
    expect(closestByMeaning(question, [related, reworded])).toMatchObject({ index: 1 });
    expect(closestByMeaning(question, [related])).toBeNull();
    expect(closestByMeaning(question, [])).toBeNull();
  });

  it('holds meaning to a higher bar than wording', () => {
    expect(isNearDuplicate('wording', 0.8)).toBe(true);
    expect(isNearDuplicate('meaning', 0.8)).toBe(false);
    expect(isNearDuplicate('meaning', NEAR_DUPLICATE.meaning)).toBe(true);
  });
});
