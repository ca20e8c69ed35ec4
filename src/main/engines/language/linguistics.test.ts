import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WINK_MODEL_VERSION, WINK_NLP_VERSION, createLinguistics } from './linguistics';

const nlp = createLinguistics();
const installed = (name: string): string =>
  (
    JSON.parse(
      readFileSync(
        new URL(`../../../../node_modules/${name}/package.json`, import.meta.url),
        'utf8',
      ),
    ) as { version: string }
  ).version;

describe('linguistics', () => {
  it('names the installed wink versions', () => {
    expect(WINK_NLP_VERSION).toBe(installed('wink-nlp'));
    expect(WINK_MODEL_VERSION).toBe(installed('wink-eng-lite-web-model'));
    expect(nlp.id).toBe(
      `wink-nlp@${WINK_NLP_VERSION}+wink-eng-lite-web-model@${WINK_MODEL_VERSION}`,
    );
  });

  it('gives positive and negative sentences sentiment of the right sign', () => {
    const good = nlp.analyse('I love this work and the launch was a great success!').sentiment;
    const bad = nlp.analyse('The project was a terrible failure and I hated it.').sentiment;
    expect(good).toBeGreaterThan(0);
    expect(good).toBeLessThanOrEqual(1);
    expect(bad).toBeLessThan(0);
    expect(bad).toBeGreaterThanOrEqual(-1);
  });

  it('lemmatises content words only, lower-cased and in order', () => {
    const { lemmas } = nlp.analyse("I was running the teams' meetings");
    expect(lemmas).toEqual(['run', 'team', 'meeting']);
    expect(nlp.analyse('Then Alice quickly wrote clear docs.').lemmas).toEqual([
      'then',
      'alice',
      'quickly',
      'write',
      'clear',
      'doc',
    ]);
  });

  it('counts sentences', () => {
    expect(nlp.analyse('We shipped it. It worked! Did it scale?').sentenceCount).toBe(3);
  });

  it('finds percentages, durations, money and dates, but not emoji', () => {
    const { entities } = nlp.analyse(
      'I cut costs by 40% in 3 weeks, saving $5,000 by 12 March 2023 😀.',
    );
    expect(entities).toEqual([
      { text: '40%', type: 'PERCENT' },
      { text: '3 weeks', type: 'DURATION' },
      { text: '$5,000', type: 'MONEY' },
      { text: '12 March 2023', type: 'DATE' },
    ]);
  });

  it('counts "I" + verb phrases as first-person actions', () => {
    const count = (text: string): number => nlp.analyse(text).firstPersonActions;
    expect(count('I built the pipeline and then I led the rollout.')).toBe(2);
    expect(count('i built it. I have also personally designed it. I was leading the team.')).toBe(
      3,
    );
    expect(count("Then I'm running the migration myself.")).toBe(1);
    // Not deeds: negated, hypothetical, passive, thinking/feeling, or someone else.
    expect(
      count(
        "I didn't build it. I never led it. I would lead it. I'll build it. I was promoted. " +
          'I think so. I hope it works. We built it. The team led it.',
      ),
    ).toBe(0);
  });

  it('gives zeros for empty and blank text', () => {
    const zero = {
      sentiment: 0,
      lemmas: [],
      sentenceCount: 0,
      entities: [],
      firstPersonActions: 0,
    };
    expect(nlp.analyse('')).toEqual(zero);
    expect(nlp.analyse('  \n\t ')).toEqual(zero);
    expect(nlp.analyse('...')).toEqual(zero);
  });

  it('copes with non-English text and a 25,000-character answer', () => {
    expect(() =>
      nlp.analyse('我昨天去了市场。Я вчера ходил на рынок. ذهبت إلى السوق'),
    ).not.toThrow();
    const sentence = 'In my last role I led a team of five and we cut latency by 40% in 3 weeks. ';
    const long = sentence.repeat(Math.ceil(25_000 / sentence.length));
    const started = performance.now();
    const result = nlp.analyse(long);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.firstPersonActions).toBe(result.sentenceCount);
  });

  it('loads the model once and shares it', () => {
    expect(createLinguistics().analyse('I built it.').firstPersonActions).toBe(1);
  });
});
