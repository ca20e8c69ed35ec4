import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { completeSession } from '../../testing/sessions';

let app: TestApp;
let profileId: string;
beforeEach(async () => {
  app = await createTestApp();
  profileId = (await app.call('profiles.create', { name: 'Ana' })).id;
});
afterEach(() => app.close());

const answer =
  'I profiled the slow queries, added an index on the user id column and rewrote the pagination, ' +
  'so the p95 latency dropped from 900 ms to 120 ms.';

describe('SessionRepository.refreshScore', () => {
  it('stores the mean over the questions shown, a skip counting 0, and one summary however many refresh at once', async () => {
    const results = await completeSession(app, profileId, { answers: [answer, null, answer] });
    const { sessions } = app.context.repos;
    // A scoring job and the end of the interview can refresh the same session together: the
    // summary's delete-then-insert must not interleave.
    await Promise.all([1, 2, 3].map(() => sessions.refreshScore(results.sessionId)));

    const shown = results.answers.map((a) => a.scores?.overall ?? 0);
    const mean = Math.round(shown.reduce((sum, s) => sum + s, 0) / shown.length);
    const state = await app.call('interviews.get', { profileId, sessionId: results.sessionId });
    expect(state.overallScore).toBe(mean);
    const summaries = await app.context.db
      .selectFrom('session_summaries')
      .select(['overall', 'shown_count', 'answered_count'])
      .where('session_id', '=', results.sessionId)
      .execute();
    expect(summaries).toEqual([{ overall: mean, shown_count: 3, answered_count: 2 }]);
    // The per-day totals the triggers keep count the session once.
    expect((await app.call('progress.stats', { profileId })).sessions).toBe(1);
  });

  it('leaves an unfinished session without a score or summary', async () => {
    const created = await app.call('interviews.create', {
      profileId,
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 2,
    });
    await app.context.repos.sessions.refreshScore(created.id);
    const state = await app.call('interviews.get', { profileId, sessionId: created.id });
    expect(state.overallScore).toBeNull();
    expect((await app.call('progress.stats', { profileId })).sessions).toBe(0);
  });
});
