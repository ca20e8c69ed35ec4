import { describe, expect, it } from 'vitest';
import { builtinQuestions } from '../../features/bank/builtin-questions';
import { checksClaims, findWrongClaims } from './wrong-claims';

// False positives cost more than misses (a candidate who was right is told to re-check), so the
// rules are held to the built-in bank: every ideal answer, and texts that are about the same role
// but answer other questions (their ideal answers and the rubric's strong/adequate answers).
const questions = builtinQuestions();

describe('the gap rules on the built-in bank', () => {
  it('an ideal answer given as the answer raises no wrong claim', () => {
    for (const q of questions)
      expect(findWrongClaims(q.idealAnswer, q.idealAnswer), q.id).toEqual([]);
  });

  it('other answers about the same role are almost never taken for a wrong claim (under 0.1%)', () => {
    let compared = 0;
    let flagged = 0;
    for (const q of questions) {
      if (!checksClaims(q.type)) continue;
      const others = questions.filter((o) => o.roleId === q.roleId && o.id !== q.id);
      for (const text of [
        q.rubric.strong,
        q.rubric.adequate,
        ...others.map((o) => o.idealAnswer),
      ]) {
        compared++;
        if (findWrongClaims(text, q.idealAnswer).length > 0) flagged++;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
    expect(flagged / compared).toBeLessThan(0.001);
    // ~30,000 comparisons over the whole bank: seconds, more on a busy machine.
  }, 120_000);
});
