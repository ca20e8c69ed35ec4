import { describe, expect, it } from 'vitest';
import { planQuestions, type PlanCandidate } from './question-plan';

const pool: PlanCandidate[] = ['entry', 'intermediate', 'senior'].flatMap((level) =>
  ['behavioral', 'technical', 'situational'].flatMap((type) =>
    [1, 2].map((n) => ({ id: `${level}-${type}-${n}`, level, type }) as PlanCandidate),
  ),
);

describe('planQuestions', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    expect(planQuestions(pool, 'entry', 5, 1)).toEqual(planQuestions(pool, 'entry', 5, 1));
    const plans = new Set([1, 2, 3, 4, 5].map((s) => planQuestions(pool, 'entry', 5, s).join()));
    expect(plans.size).toBeGreaterThan(1);
  });

  it('rotates question types and stays at the asked level while it can', () => {
    const plan = planQuestions(pool, 'senior', 6, 9);
    expect(plan.every((id) => id.startsWith('senior-'))).toBe(true);
    expect(new Set(plan).size).toBe(6);
  });

  it('fills from the nearest level when the asked one runs short, and never repeats', () => {
    const plan = planQuestions(pool, 'entry', 9, 4);
    expect(plan.filter((id) => id.startsWith('entry-'))).toHaveLength(6);
    expect(plan.slice(6).every((id) => id.startsWith('intermediate-'))).toBe(true);
    expect(planQuestions(pool, 'entry', 100, 4)).toHaveLength(18);
  });
});
