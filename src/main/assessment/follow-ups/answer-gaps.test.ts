import { describe, expect, it } from 'vitest';
import type { ScoreInput } from '../scorer';
import {
  chooseFollowUp,
  describeGap,
  describeGaps,
  findGaps,
  type BankFollowUp,
} from './follow-up-rules';
import { judgeGapClosed } from './gap-closed';
import { findUnexplainedTerms, isExplained } from './unexplained-terms';
import { correctsClaim, findWrongClaims } from './wrong-claims';

const context = {
  question: 'How would you make a read-heavy web application faster?',
  idealAnswer: 'Measure first, then add caching and read replicas for the database.',
  keywords: ['cache', 'replica'],
};

describe('unexplained terms', () => {
  it('finds acronyms and product names the answer never explains, in order of use', () => {
    expect(findUnexplainedTerms('We used CQRS and put the images on a CDN.', context)).toEqual([
      'CQRS',
      'CDN',
    ]);
    expect(findUnexplainedTerms('We moved the reads to GraphQL and DynamoDB.', context)).toEqual([
      'GraphQL',
      'DynamoDB',
    ]);
    expect(findUnexplainedTerms('Two CDNs cut latency.', context)).toEqual(['CDN']);
  });

  it('does not ask about a term that is explained, everyday, or already in the question', () => {
    const none = (answer: string, ctx = context) =>
      expect(findUnexplainedTerms(answer, ctx)).toEqual([]);
    none('We used CQRS (command query responsibility segregation) to split reads and writes.');
    none('We used command query responsibility segregation (CQRS).');
    none('We put images on a CDN, which serves files from servers close to users.');
    none('CQRS means the read model and the write model are separate.');
    none('CQRS stands for command query responsibility segregation.');
    none('We agreed a service level agreement, the SLA, and kept it.'); // spelled out
    none('We used a content delivery network, a CDN for short.'); // spelled out
    none('Our API and SQL queries were slow, so the CEO asked me to fix our KPI dashboard.');
    none('I WAS VERY HAPPY WITH THE RESULT, IT WAS GREAT'); // caps lock, not acronyms
    none('A query with LEFT JOIN and ORDER BY was slow.'); // code, not terms
    none('I did NOT skip the tests, and that was VERY important.'); // emphasis
    none('We used CQRS.', { ...context, idealAnswer: 'CQRS splits reads from writes.' });
    none('We added a CDN.', { ...context, keywords: ['CDN'] });
  });

  it('knows explanation patterns', () => {
    expect(isExplained('CQRS, a pattern that splits reads and writes, helped.', 'CQRS')).toBe(true);
    expect(isExplained('A pattern known as CQRS helped.', 'CQRS')).toBe(true);
    expect(isExplained('CQRS helped a lot.', 'CQRS')).toBe(false);
  });
});

const IDEAL =
  'HTTP is stateless: each request carries everything the server needs. Cookies or tokens let ' +
  'an application build sessions on top. TCP opens a connection with a three-way handshake.';

describe('wrong claims', () => {
  it('flags an opposite word, a negated statement and a different number for the same thing', () => {
    const kinds = (answer: string) => findWrongClaims(answer, IDEAL).map((c) => c.kind);
    expect(kinds('HTTP is stateful.')).toEqual(['opposite']);
    expect(kinds('HTTP is not stateless.')).toEqual(['opposite']);
    expect(kinds('HTTP keeps state between requests.')).toEqual(['opposite']);
    expect(kinds('Each request does not carry everything the server needs.')).toEqual(['negation']);
    expect(kinds('TCP opens a connection with a two-way handshake.')).toEqual(['number']);
    const [claim] = findWrongClaims('Well, HTTP is not stateless. Sessions exist.', IDEAL);
    expect(claim).toEqual({
      said: 'Well, HTTP is not stateless',
      ideal: 'HTTP is stateless',
      kind: 'opposite',
    });
  });

  it('does not flag agreeing paraphrases, negated-but-consistent statements or comparisons', () => {
    const none = (answer: string) => expect(findWrongClaims(answer, IDEAL)).toEqual([]);
    none('HTTP is stateless, so every request stands alone.');
    none('HTTP is not stateful; cookies let the application build sessions.');
    none('HTTP does not keep state, so each request carries everything.');
    none("HTTP doesn't remember anything between requests.");
    none('HTTP is stateless, which is why servers do not remember users.');
    none('HTTP is stateless, unlike FTP which is stateful.');
    none('Is HTTP stateful?');
    none('TCP opens a connection with a three-way handshake.');
    none('I think of HTTP as a request and a response with cookies for sessions.');
    // Words that are names of built-in object members are words, not numbers.
    none('TCP opens a connection with a constructor handshake.');
  });

  it('a follow-up that states the ideal side, or withdraws, corrects the claim; repeating it does not', () => {
    const claim = { ideal: 'HTTP is stateless' };
    expect(correctsClaim('Sorry, HTTP is stateless; sessions come from cookies.', claim)).toBe(
      true,
    );
    expect(correctsClaim('Actually I mixed that up with something else.', claim)).toBe(true);
    expect(correctsClaim('HTTP is stateful, the server remembers each client.', claim)).toBe(false);
    expect(correctsClaim('It just remembers things.', claim)).toBe(false);
  });
});

const technical: ScoreInput = {
  question: 'What does it mean that HTTP is a stateless protocol?',
  idealAnswer: IDEAL,
  expectedKeywords: ['stateless', 'cookies'],
  type: 'technical',
  answer: '',
  timeLimitSeconds: 120,
  overTimeSeconds: 0,
};
const bankFollowUps: BankFollowUp[] = [
  { question: 'How do cookies help here?', when: 'missing-key-points' },
];

describe('choosing a follow-up for the new gaps', () => {
  it('a wrong claim comes first, worded with what the candidate said; the question own wording wins', () => {
    const gaps = findGaps({ ...technical, answer: 'HTTP is not stateless. We used CQRS.' });
    expect(gaps.unexplainedTerms).toEqual(['CQRS']);
    expect(gaps.wrongClaims).toHaveLength(1);
    expect(describeGaps(gaps, 'technical')).toEqual(
      expect.arrayContaining([
        'uses CQRS without explaining what it means',
        'a claim to re-check: "HTTP is not stateless"',
      ]),
    );
    const first = chooseFollowUp(bankFollowUps, gaps, 'technical', new Set());
    expect(first).toMatchObject({
      when: 'wrong-claim',
      question: 'You said "HTTP is not stateless". Can you walk me through how that works?',
    });
    expect(first?.detail.claim?.ideal).toBe('HTTP is stateless');
    const own = [{ question: 'Is that so? Why would {claim}?', when: 'wrong-claim' as const }];
    expect(chooseFollowUp(own, gaps, 'technical', new Set())?.question).toBe(
      'Is that so? Why would HTTP is not stateless?',
    );
    const next = chooseFollowUp(bankFollowUps, gaps, 'technical', new Set([first!.question]));
    expect(next).toMatchObject({
      when: 'unexplained-term',
      question: 'You mentioned CQRS: what is it, and why did it fit here?',
      detail: { term: 'CQRS' },
    });
  });

  it('claims are only checked where the ideal answer states facts, not in a story', () => {
    const story = { ...technical, type: 'behavioral' as const, answer: 'HTTP is stateful.' };
    expect(findGaps(story).wrongClaims).toEqual([]);
  });
});

describe('gap closed', () => {
  const judge = (
    trigger: 'unexplained-term' | 'wrong-claim' | 'no-measurable-result',
    reply: string,
    detail = {},
  ) => {
    const before = findGaps({ ...technical, answer: 'HTTP is not stateless. We used CQRS.' });
    const combined = findGaps({
      ...technical,
      answer: `HTTP is not stateless. We used CQRS. ${reply}`,
    });
    return judgeGapClosed({
      trigger,
      detail,
      reply,
      replyGaps: findGaps({ ...technical, answer: reply }),
      before,
      combined,
    });
  };
  const claim = {
    said: 'HTTP is not stateless',
    ideal: 'HTTP is stateless',
    kind: 'opposite' as const,
  };

  it('is closed when the reply explains the term, corrects the claim or gives a result', () => {
    expect(
      judge('unexplained-term', 'CQRS is a pattern with one model for writes and one for reads.', {
        term: 'CQRS',
      }),
    ).toEqual({ closed: true, note: 'you explained CQRS' });
    expect(
      judge(
        'wrong-claim',
        'Sorry, I meant HTTP is stateless; the server keeps no session itself.',
        { claim },
      ),
    ).toEqual({ closed: true, note: 'you corrected the claim' });
    expect(judge('no-measurable-result', 'Latency fell from 800 ms to 120 ms.').closed).toBe(true);
  });

  it('stays open when the reply shrugs, repeats the claim or gives no number', () => {
    expect(judge('unexplained-term', 'Not sure, it was just there.', { term: 'CQRS' })).toEqual({
      closed: false,
      note: 'CQRS is still unexplained',
    });
    expect(
      judge('wrong-claim', 'HTTP is stateful because the server keeps state for each client.', {
        claim,
      }).closed,
    ).toBe(false);
    expect(judge('no-measurable-result', 'It got a lot better after that.').closed).toBe(false);
  });
});

describe('the gap given to the LLM', () => {
  it('names the term or the claim, and never the ideal answer', () => {
    const gaps = findGaps({ ...technical, answer: 'HTTP is not stateless. We used CQRS.' });
    expect(describeGap('unexplained-term', { term: 'CQRS' }, gaps)).toBe(
      'used the term "CQRS" without explaining it',
    );
    const claim = gaps.wrongClaims[0]!;
    const text = describeGap('wrong-claim', { claim }, gaps);
    expect(text).toBe('claimed "HTTP is not stateless", which may be mistaken');
    expect(text).not.toContain(claim.ideal);
    expect(describeGap('missing-key-points', {}, gaps)).toMatch(/^left out: /);
  });
});
