import { describe, expect, it } from 'vitest';
import { builtinQuestions } from '../features/bank/builtin-questions';
import { expectedParts, findAnswerParts, isJudgedByParts, starPartsOf } from './answer-parts';
import { findCopiedSample } from './copied-sample';
import { answerSignals } from './signals';

const STORY =
  'In my second year I was on a five-person team building a booking app, and one teammate had stopped replying two weeks before the deadline. ' +
  'I messaged him privately, asked what was getting in the way, and offered to pair on the login screen he was stuck on. ' +
  'I also split the remaining tickets so he owned two small ones. ' +
  'In the end we delivered on time and scored 72 percent. ' +
  'I learned to ask early instead of assuming someone is lazy.';

describe('the parts of a strong answer', () => {
  it("finds every part of a complete story, each with the answer's own words", () => {
    const parts = findAnswerParts('behavioral', STORY);
    expect(parts.missing).toEqual([]);
    const evidence = Object.fromEntries(parts.found.map((p) => [p.id, p.evidence]));
    expect(evidence['situation']).toMatch(/^In my second year/);
    expect(evidence['action']).toMatch(/I messaged him privately/);
    expect(evidence['result']).toMatch(/In the end we delivered on time/);
    expect(evidence['learning']).toMatch(/I learned to ask early/);
    expect(parts.coverage).toBeGreaterThan(0.9);
    expect(starPartsOf(STORY)).toEqual(expect.arrayContaining(['situation', 'action', 'result']));
  });

  it('names only what a story lacks, and where it stops', () => {
    const story = STORY.split('. ').slice(0, 3).join('. ') + '.';
    const parts = findAnswerParts('behavioral', story);
    expect(parts.missing.map((p) => p.id)).toEqual(['result', 'learning']);
    expect(parts.endsWith).toMatch(/he owned two small ones\.$/);
  });

  it('counts several actions of the candidate\'s own more than one, and "we" alone not at all', () => {
    const one = findAnswerParts('behavioral', 'I talked to him.');
    const several = findAnswerParts(
      'behavioral',
      'I talked to him, I rewrote the plan and I checked in daily.',
    );
    const team = findAnswerParts(
      'behavioral',
      'We talked to him, we rewrote the plan and we checked in daily.',
    );
    const action = (r: typeof one) => r.found.find((p) => p.id === 'action')?.strength ?? 0;
    expect(action(several)).toBe(1);
    expect(action(one)).toBeCloseTo(1 / 3, 3);
    expect(action(team)).toBe(0);
  });

  it('judges motivation and situational answers by their own parts; fact questions have none', () => {
    const why = findAnswerParts(
      'motivation',
      'I have built two small web apps for my sports club, and I want this role because your team ships to millions of users.',
    );
    expect(why.found.map((p) => p.id)).toEqual(['experience', 'reasons', 'fit', 'specifics']);
    const plan = findAnswerParts(
      'situational',
      'First I would ask my lead what the deadline really is, because it decides the scope. Then I would agree a plan with the customer and check back each week.',
    );
    expect(plan.missing).toEqual([]);
    expect(isJudgedByParts('technical')).toBe(false);
    expect(expectedParts('role-specific')).toEqual([]);
  });

  it("recognises most parts in the bank's sample answers, which are written as strong answers", () => {
    const judged = builtinQuestions().filter((q) => isJudgedByParts(q.type));
    expect(judged.length).toBeGreaterThan(400);
    for (const type of ['behavioral', 'situational', 'motivation'] as const) {
      const coverage = judged
        .filter((q) => q.type === type)
        .map((q) => findAnswerParts(q.type, q.idealAnswer).coverage)
        .sort((a, b) => a - b);
      // Sample stories rarely say what was learned, so behavioural ones reach ~0.8, not 1.
      expect(coverage[Math.floor(coverage.length / 2)], type).toBeGreaterThanOrEqual(0.75);
      expect(coverage[Math.floor(coverage.length / 10)], type).toBeGreaterThanOrEqual(0.3);
    }
  });
});

describe('copying the sample answer', () => {
  const sample =
    'I organised a weekly stand-up so problems came out earlier, and we finished the project on time.';
  it('finds runs of eight words or more copied in order, and keeps the rest', () => {
    const copy = findCopiedSample(
      'behavioral',
      `Honestly, I organised a weekly stand-up so problems came out earlier, which helped me most.`,
      sample,
    );
    expect(copy.copiedWords).toBe(10);
    expect(copy.ownWords).toBe('honestly which helped me most');
  });

  it('leaves the same words in another order, and fact questions, alone', () => {
    expect(
      findCopiedSample('behavioral', 'We finished on time because I organised a stand-up.', sample)
        .copiedWords,
    ).toBe(0);
    expect(findCopiedSample('technical', sample, sample).copiedWords).toBe(0);
  });
});

describe('fillers', () => {
  it('counts "like" only where it is a filler, not a verb or a preposition', () => {
    expect(answerSignals('I like turning a messy problem into a plan.').fillers).toEqual({});
    expect(answerSignals('We used tools like Jira, and it looks like a bug.').fillers).toEqual({});
    expect(answerSignals('I would like to join.').fillers).toEqual({});
    expect(answerSignals('It was, like, hard, and I was like, whatever.').fillers).toEqual({
      like: 2,
    });
    expect(answerSignals('So like we went there and like did it.').fillers).toEqual({ like: 2 });
    expect(answerSignals('Uhm, ah, so I, umm, did it.').fillers).toEqual({ uhm: 1, ah: 1, umm: 1 });
  });
});
