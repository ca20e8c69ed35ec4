import { describe, expect, it } from 'vitest';
import type { Level, QuestionType } from '../../../shared/contract';
import { planQuestions, type PlanCandidate } from './question-plan';
import { nearDuplicateWording as nearDuplicates } from '../../assessment/near-duplicate';

const types: QuestionType[] = [
  'behavioral',
  'technical',
  'situational',
  'role-specific',
  'motivation',
];
const pool: PlanCandidate[] = (['entry', 'intermediate', 'senior'] as Level[]).flatMap((level) =>
  types.flatMap((type) =>
    [1, 2, 3].map((n) => ({
      id: `${level}-${type}-${n}`,
      level,
      type,
      skills: n === 1 ? ['sql'] : ['testing'],
    })),
  ),
);
const typeOf = (id: string) => types.find((t) => id.includes(`-${t}-`));

describe('planQuestions', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    const opts = { level: 'entry' as const, count: 5, seed: 1 };
    expect(planQuestions(pool, opts)).toEqual(planQuestions(pool, opts));
    const plans = new Set(
      [1, 2, 3, 4, 5].map((seed) => planQuestions(pool, { ...opts, seed }).join()),
    );
    expect(plans.size).toBeGreaterThan(1);
  });

  it('opens and closes with motivation questions and rotates the types between', () => {
    const plan = planQuestions(pool, { level: 'senior', count: 6, seed: 9 });
    expect(plan).toHaveLength(6);
    expect(plan.every((id) => id.startsWith('senior-'))).toBe(true);
    expect(typeOf(plan[0]!)).toBe('motivation');
    expect(typeOf(plan[5]!)).toBe('motivation');
    expect(new Set(plan.slice(1, 5).map(typeOf))).toEqual(
      new Set(['behavioral', 'technical', 'situational', 'role-specific']),
    );
  });

  it('prefers the chosen skills and avoids recently answered questions', () => {
    // Two slots (no opener/closer below three), each filled by its type's one SQL question.
    const plan = planQuestions(pool, { level: 'entry', count: 2, seed: 3, skills: ['SQL'] });
    expect(plan.filter((id) => id.endsWith('-1')).length).toBe(2);
    const recent = new Set(
      pool.filter((c) => c.level === 'entry' && c.id.endsWith('-1')).map((c) => c.id),
    );
    const fresh = planQuestions(pool, {
      level: 'entry',
      count: 4,
      seed: 3,
      skills: ['sql'],
      recentlyAsked: recent,
    });
    expect(fresh.some((id) => recent.has(id))).toBe(false);
  });

  it('fills from the nearest level when the asked one runs short, and never repeats', () => {
    const plan = planQuestions(pool, { level: 'entry', count: 20, seed: 4 });
    expect(new Set(plan).size).toBe(20);
    // Every entry question but the third motivation one (only two motivation slots).
    expect(plan.filter((id) => id.startsWith('entry-'))).toHaveLength(14);
    expect(plan.filter((id) => id.startsWith('senior-'))).toHaveLength(0);
    expect(planQuestions(pool, { level: 'entry', count: 100, seed: 4 })).toHaveLength(45);
  });

  it('never puts two near-duplicate questions in one interview while others are left', () => {
    const texts = [
      'Tell me about a time you fixed a production outage.',
      'Tell me about a time when you fixed an outage in production.',
      'Describe a conflict with a colleague and how you resolved it.',
    ];
    expect(nearDuplicates(texts[0]!, texts[1]!)).toBe(true);
    expect(nearDuplicates(texts[0]!, texts[2]!)).toBe(false);
    const candidates: PlanCandidate[] = texts.map((content, i) => ({
      id: `b${i}`,
      level: 'entry',
      type: 'behavioral',
      skills: [],
      content,
    }));
    for (let seed = 1; seed <= 20; seed++) {
      const plan = planQuestions(candidates, {
        level: 'entry',
        count: 2,
        seed,
        nearDuplicate: nearDuplicates,
      });
      expect(plan).toHaveLength(2);
      expect(plan).toContain('b2');
    }
    // With nothing else left, a near-duplicate is still better than a shorter interview.
    const plan = planQuestions(candidates, {
      level: 'entry',
      count: 3,
      seed: 1,
      nearDuplicate: nearDuplicates,
    });
    expect(new Set(plan).size).toBe(3);
  });
});
