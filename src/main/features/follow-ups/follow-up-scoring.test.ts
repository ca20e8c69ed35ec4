import { afterEach, describe, expect, it } from 'vitest';
import { JOB_TYPES } from '../../jobs/job-types';
import { sharedModelPath } from '../../testing/models';
import { createTestApp, type TestApp } from '../../testing/test-app';

// swe-entry-04 (technical): "Explain how the JavaScript event loop handles asynchronous code…";
// its ideal answer says JavaScript runs code "on a single thread with one call stack".
const WRONG =
  'JavaScript runs my code on multiple threads, and each callback waits in a queue until the ' +
  'event loop hands it to a free thread.';
const CORRECTED =
  'Sorry, I mixed that up: JavaScript runs my code on a single thread with one call stack, and ' +
  'the event loop takes the next callback from the queue when the stack is empty. Promise ' +
  'callbacks go to the microtask queue, which is drained before the next macrotask.';
const REPEATED = 'Each thread takes a callback from the queue, so several run in parallel.';
const WITH_TERM =
  'The event loop takes callbacks from the queue when the call stack is empty, and promise ' +
  'callbacks run before timers. In Chrome all of this is done by V8.';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function interview(t: TestApp, grammarCheck: 'standard' | 'thorough' = 'standard') {
  const profile = await t.call('profiles.create', { name: 'Ana', skills: [], level: 'entry' });
  await t.call('settings.update', { profileId: profile.id, grammarCheck });
  const created = await t.call('interviews.create', {
    profileId: profile.id,
    roleId: 'software-engineer',
    level: 'entry',
    questionIds: ['swe-entry-04'],
    maxFollowUps: 1,
  });
  const ref = { profileId: profile.id, sessionId: created.id };
  await t.call('interviews.start', ref);
  return ref;
}

/** Answers the question, lets it be scored, answers the follow-up it gets, ends, and waits. */
async function answerWithFollowUp(
  t: TestApp,
  answer: string,
  reply: string,
  grammarCheck: 'standard' | 'thorough' = 'standard',
) {
  const ref = await interview(t, grammarCheck);
  const first = await t.call('interviews.answer', {
    ...ref,
    questionId: 'swe-entry-04',
    text: answer,
  });
  const followUp = first.session.currentQuestion!;
  await t.jobs.whenIdle();
  const before = (await t.call('results.session', ref)).answers[0]!;
  const replied = await t.call('interviews.answer', {
    ...ref,
    questionId: followUp.id,
    text: reply,
  });
  expect(replied.jobId).not.toBeNull();
  await t.call('interviews.end', ref);
  await t.jobs.whenIdle();
  const after = await t.call('results.session', ref);
  return { ref, followUp, before, after, answer: after.answers[0]! };
}

describe('scoring follow-up answers', () => {
  it('a wrong claim gets a follow-up; a corrected reply is scored, closes the gap and credits the question', async () => {
    const t = (app = await createTestApp({ llm: { modelPath: null } }));
    const { ref, followUp, before, after, answer } = await answerWithFollowUp(t, WRONG, CORRECTED);
    expect(followUp.followUp?.trigger).toBe('wrong-claim');
    expect(followUp.content).toMatch(/^You said "JavaScript runs my code on multiple threads/);

    expect(answer.followUps).toHaveLength(1);
    const fu = answer.followUps[0]!;
    expect(fu).toMatchObject({
      status: 'answered',
      answerText: CORRECTED,
      evaluationStatus: 'scored',
    });
    expect(fu.evaluation).toMatchObject({
      gapClosed: true,
      gapNote: 'you corrected the claim',
      engine: 'lexical@3',
    });
    expect(fu.evaluation!.scores.content).toBeGreaterThan(0);

    // The question keeps the better of its own content and the content of both answers together.
    const own = before.scores!.content;
    const combined = fu.evaluation!.combinedContent;
    expect(combined).toBeGreaterThan(own); // the correction adds key points the answer lacked
    expect(answer.scores!.content).toBe(combined);
    expect(answer.contentBeforeFollowUps).toBe(own);
    expect(answer.scores!.overall).toBeGreaterThan(before.scores!.overall);
    expect(answer.overallBeforeFollowUps).toBe(before.scores!.overall);
    // Key points the correction supplied are no longer listed as missing.
    const supplied = before.keywordsMissing.filter((k) =>
      fu.evaluation!.combinedKeyPoints.includes(k),
    );
    expect(supplied.length).toBeGreaterThan(0);
    for (const k of supplied) {
      expect(answer.keywordsMissing).not.toContain(k);
      expect(answer.keywordsFound).toContain(k);
    }
    expect(after.pendingCount).toBe(0);
    // The session's stored score follows the credited question score.
    expect((await t.call('interviews.get', ref)).overallScore).toBe(answer.scores!.overall);
  });

  it("checks a reply's grammar as the profile chose: Harper for 'thorough'", async () => {
    const t = (app = await createTestApp({
      llm: { modelPath: null },
      engines: { embeddingModelDir: null, grammar: true, linguistics: false },
    }));
    const { before, answer } = await answerWithFollowUp(t, WRONG, CORRECTED, 'thorough');
    expect(before.engine).toMatch(/^lexical@3\+harper\.js@/);
    expect(answer.followUps[0]!.evaluation?.engine).toMatch(/^lexical@3\+harper\.js@/);
  }, 120_000);

  it('a reply that repeats the claim is scored but leaves the gap open, and the question keeps its own score', async () => {
    const t = (app = await createTestApp({ llm: { modelPath: null } }));
    const { before, answer } = await answerWithFollowUp(t, WRONG, REPEATED);
    const fu = answer.followUps[0]!;
    expect(fu.evaluation).toMatchObject({ gapClosed: false });
    const own = before.scores!.content;
    expect(answer.scores!.content).toBe(Math.max(own, fu.evaluation!.combinedContent));
    expect(answer.contentBeforeFollowUps).toBe(fu.evaluation!.combinedContent > own ? own : null);
  });

  it('an unexplained term is asked about by name, and the gap is closed only by an explanation', async () => {
    const t = (app = await createTestApp({ llm: { modelPath: null } }));
    const explained = await answerWithFollowUp(
      t,
      WITH_TERM,
      'V8 is the JavaScript engine in Chrome and Node: it compiles my code and runs the call stack.',
    );
    expect(explained.followUp.followUp?.trigger).toBe('unexplained-term');
    expect(explained.followUp.content).toBe(
      'You mentioned V8: what is it, and why did it fit here?',
    );
    expect(explained.answer.followUps[0]!.evaluation).toMatchObject({
      gapClosed: true,
      gapNote: 'you explained V8',
    });

    const shrug = await answerWithFollowUp(t, WITH_TERM, 'Not sure, it is just there.');
    expect(shrug.answer.followUps[0]!.evaluation).toMatchObject({
      gapClosed: false,
      gapNote: 'V8 is still unexplained',
    });
    const row = await t.database.db
      .selectFrom('follow_up_questions')
      .select(['gap_detail'])
      .where('session_id', '=', shrug.ref.sessionId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.gap_detail)).toEqual({ term: 'V8' });
  });

  it('re-scoring the answer keeps the follow-up credit; a skipped follow-up is not scored', async () => {
    const t = (app = await createTestApp({ llm: { modelPath: null } }));
    const first = await answerWithFollowUp(t, WRONG, CORRECTED);
    const { answer } = first;
    expect(answer.contentBeforeFollowUps).not.toBeNull();
    await t.jobs.enqueue(JOB_TYPES.scoreAnswer, { answerId: answer.answerId! });
    await t.jobs.whenIdle();
    const again = (await t.call('results.session', first.ref)).answers[0]!;
    expect(again.scores).toEqual(answer.scores);
    expect(again.contentBeforeFollowUps).toBe(answer.contentBeforeFollowUps);

    const ref = await interview(t);
    await t.call('interviews.answer', { ...ref, questionId: 'swe-entry-04', text: WRONG });
    const fu = (await t.call('interviews.get', ref)).currentQuestion!;
    await t.call('interviews.skip', { ...ref, questionId: fu.id });
    await t.jobs.whenIdle();
    const skipped = (await t.call('results.session', ref)).answers[0]!;
    expect(skipped.followUps[0]).toMatchObject({
      status: 'skipped',
      evaluationStatus: 'none',
      evaluation: null,
    });
    expect(skipped.contentBeforeFollowUps).toBeNull();
  });

  it('with the embedding model installed, the follow-up is scored by the same layered evaluator', async () => {
    const t = (app = await createTestApp({
      llm: { modelPath: null },
      engines: {
        embeddingModelDir: sharedModelPath('glove-wordpiece-onnx'),
        grammar: false,
        linguistics: false,
      },
    }));
    const { answer } = await answerWithFollowUp(t, WRONG, CORRECTED);
    const evaluation = answer.followUps[0]!.evaluation!;
    expect(evaluation.engine).toBe(answer.engine);
    expect(evaluation.engine).toMatch(/^lexical@\d+\+glove-wordpiece-onnx@/);
    expect(evaluation.gapClosed).toBe(true);
    const row = await t.database.db
      .selectFrom('follow_up_evaluations')
      .select('details')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.details)).toMatchObject({
      engines: { embedding: expect.stringMatching(/^glove-wordpiece-onnx@/) },
      semanticCoverage: expect.any(Number),
    });
  });
});
