import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { completeSession } from '../../testing/sessions';
import { countStreaks } from './progress-service';

let app: TestApp;
let profileId: string;
beforeEach(async () => {
  app = await createTestApp();
  profileId = (await app.call('profiles.create', { name: 'Ana' })).id;
});
afterEach(() => app.close());

const good =
  'In my last internship our API was slow, so my task was to find out why. I profiled the queries, ' +
  'added an index on the user id column and rewrote the pagination. As a result the p95 latency ' +
  'dropped from 900 ms to 120 ms and the team adopted the same approach for two other endpoints.';
const fillerAnswer = 'Um, like, I would basically um test it, you know, and like fix the bug.';
const DAY = 86_400;

describe('dashboard stats', () => {
  it('are empty for a profile without finished sessions', async () => {
    const stats = await app.call('progress.stats', { profileId });
    expect(stats).toMatchObject({
      sessions: 0,
      questionsAnswered: 0,
      averages: null,
      streakDays: 0,
      strongest: null,
      weakest: null,
      skills: [],
    });
  });

  it('average the finished sessions, count answers, a streak and best/weakest areas', async () => {
    const first = await completeSession(app, profileId, { answers: [good, null, fillerAnswer] });
    app.clock.advance(DAY);
    const second = await completeSession(app, profileId, { answers: [good, good], seed: 3 });
    // An abandoned session counts for nothing.
    const abandoned = await app.call('interviews.create', {
      profileId,
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 3,
    });
    await app.call('interviews.abandon', { profileId, sessionId: abandoned.id });

    const stats = await app.call('progress.stats', { profileId });
    expect(stats.sessions).toBe(2);
    expect(stats.questionsAnswered).toBe(4);
    expect(stats.questionsShown).toBe(5);
    const o1 = first.scores!.overall;
    const o2 = second.scores!.overall;
    expect(stats.averages!.overall).toBeCloseTo((o1 + o2) / 2, 1);
    expect(stats.averages!.content).toBeCloseTo(
      (first.scores!.content + second.scores!.content) / 2,
      1,
    );
    expect(stats.bestOverall).toBe(Math.max(o1, o2));
    expect(stats.streakDays).toBe(2);
    expect(stats.longestStreakDays).toBe(2);
    expect(stats.sessionsLast7Days).toBe(2);
    expect(stats.skills.length).toBeGreaterThan(0);
    expect(stats.strongest!.score).toBeGreaterThanOrEqual(stats.weakest!.score);

    // Two days later without practice the current streak is over, the longest stays.
    app.clock.advance(2 * DAY);
    const later = await app.call('progress.stats', { profileId });
    expect(later.streakDays).toBe(0);
    expect(later.longestStreakDays).toBe(2);
  });

  it('never show another profile’s sessions', async () => {
    await completeSession(app, profileId, { answers: [good] });
    const other = (await app.call('profiles.create', { name: 'Ben' })).id;
    expect((await app.call('progress.stats', { profileId: other })).sessions).toBe(0);
    expect((await app.call('progress.chart', { profileId: other })).points).toEqual([]);
    expect((await app.call('results.history', { profileId: other })).total).toBe(0);
  });
});

describe('progress chart', () => {
  it('has one point per day with dimension averages, filler rate and no pace for typed answers', async () => {
    const a = await completeSession(app, profileId, { answers: [fillerAnswer] });
    app.clock.advance(DAY);
    const b = await completeSession(app, profileId, { answers: [good] });
    const chart = await app.call('progress.chart', { profileId });
    expect(chart.bucket).toBe('day');
    expect(chart.points.map((p) => p.period)).toEqual(['2026-03-02', '2026-03-03']);
    expect(chart.points.map((p) => p.overall)).toEqual([a.scores!.overall, b.scores!.overall]);
    // "Um, like, … basically um … you know … like": 6 fillers in 15 words.
    expect(chart.points[0]!.fillerRate).toBeCloseTo((6 / 15) * 100, 0);
    expect(chart.points[1]!.fillerRate).toBe(0);
    expect(chart.points.every((p) => p.paceWpm === null)).toBe(true);
    expect(chart.hasSpokenAnswers).toBe(false);
    expect(chart.skills.length).toBeGreaterThan(0);
    expect(chart.skills[0]!.points.length).toBeGreaterThan(0);

    const monthly = await app.call('progress.chart', {
      profileId,
      from: '2026-01-01',
      to: '2026-12-31',
      bucket: 'month',
    });
    expect(monthly.points).toHaveLength(1);
    expect(monthly.points[0]).toMatchObject({ period: '2026-03-01', sessions: 2 });
    const before = await app.call('progress.chart', {
      profileId,
      from: '2025-01-01',
      to: '2026-03-01',
    });
    expect(before.points).toEqual([]);
  });

  it('computes pace from recorded answers only', async () => {
    await completeSession(app, profileId, { answers: [good, good] });
    // What the speech branch will store: a recording and its length on one answer.
    const answer = await app.context.db
      .selectFrom('answers')
      .select(['id', 'session_id'])
      .orderBy('position')
      .executeTakeFirstOrThrow();
    await app.context.db
      .updateTable('answers')
      .set({ audio_url: 'recordings/x.webm', duration_seconds: 30 })
      .where('id', '=', answer.id)
      .execute();
    await app.context.repos.progress.refreshSessionSummary(answer.session_id);
    const chart = await app.call('progress.chart', { profileId });
    const words = good.split(/\s+/).length;
    expect(chart.points[0]!.paceWpm).toBeCloseTo((words / 30) * 60, -1);
    expect(chart.hasSpokenAnswers).toBe(true);
  });
});

describe('attempts of the same question', () => {
  it('lists repeated questions and their attempts side by side, oldest first', async () => {
    const first = await completeSession(app, profileId, { answers: [fillerAnswer], seed: 11 });
    app.clock.advance(DAY);
    const questionId = first.answers[0]!.questionId;
    const second = await completeSession(app, profileId, {
      answers: [good],
      questionIds: [questionId],
    });

    const repeated = await app.call('progress.repeatedQuestions', { profileId });
    expect(repeated).toEqual([
      expect.objectContaining({
        questionId,
        attempts: 2,
        firstScore: first.answers[0]!.scores!.overall,
        lastScore: second.answers[0]!.scores!.overall,
      }),
    ]);
    const attempts = await app.call('progress.attempts', { profileId, questionId });
    expect(attempts.attempts.map((a) => a.answerText)).toEqual([fillerAnswer, good]);
    expect(attempts.attempts[1]!.scores!.overall).toBe(second.answers[0]!.scores!.overall);
    const other = (await app.call('profiles.create', { name: 'Ben' })).id;
    expect(
      (await app.call('progress.attempts', { profileId: other, questionId })).attempts,
    ).toEqual([]);
  });
});

describe('history filters', () => {
  it('filter by role, status, dates and score, and page through the rest', async () => {
    // A skipped question scores 0, so this session is certainly the lower one.
    const low = await completeSession(app, profileId, { answers: [null] });
    app.clock.advance(DAY);
    const high = await completeSession(app, profileId, {
      answers: [good],
      questionIds: [low.answers[0]!.questionId],
    });
    expect(high.scores!.overall).toBeGreaterThan(0);
    app.clock.advance(DAY);
    await completeSession(app, profileId, { roleId: 'data-analyst', answers: [good] });
    const ids = async (filter: Record<string, unknown>) =>
      (await app.call('results.history', { profileId, ...filter })).items.map((i) => i.sessionId);

    expect(await ids({ roleId: 'data-analyst' })).toHaveLength(1);
    expect(await ids({ roleId: 'software-engineer' })).toEqual([high.sessionId, low.sessionId]);
    expect(await ids({ from: '2026-03-03', to: '2026-03-03' })).toEqual([high.sessionId]);
    expect(await ids({ to: '2026-03-02' })).toEqual([low.sessionId]);
    expect(await ids({ maxScore: 0, roleId: 'software-engineer' })).toEqual([low.sessionId]);
    expect(await ids({ minScore: high.scores!.overall, roleId: 'software-engineer' })).toEqual([
      high.sessionId,
    ]);
    expect(await ids({ status: 'abandoned' })).toEqual([]);
    const page2 = await app.call('results.history', { profileId, limit: 2, offset: 2 });
    expect(page2.total).toBe(3);
    expect(page2.items.map((i) => i.sessionId)).toEqual([low.sessionId]);
    expect(page2.items[0]!.roleId).toBe('software-engineer');
  });
});

describe('countStreaks', () => {
  it('counts the run ending today or yesterday, and the longest run', () => {
    expect(countStreaks([], '2026-03-10')).toEqual({ current: 0, longest: 0 });
    expect(countStreaks(['2026-03-10', '2026-03-09', '2026-03-07'], '2026-03-10')).toEqual({
      current: 2,
      longest: 2,
    });
    expect(
      countStreaks(['2026-03-09', '2026-03-05', '2026-03-04', '2026-03-03'], '2026-03-10'),
    ).toEqual({ current: 1, longest: 3 });
    expect(countStreaks(['2026-03-07'], '2026-03-10')).toEqual({ current: 0, longest: 1 });
  });
});
