import type {
  Area,
  Attempt,
  Input,
  Output,
  ProgressChart,
  ProgressPoint,
  UserStats,
} from '../../../shared/contract';
import { notFound } from '../../platform/errors';
import { parseStringArray } from '../../platform/json';
import type { ServiceContext } from '../service-context';
import { scoresOf } from '../../storage/repositories/answer-repository';

type Bucket = ProgressChart['bucket'];
/** A skill needs this many scored answers before it is called someone's best or weakest area. */
const MIN_ANSWERS_FOR_AREA = 3;
const SKILL_SERIES = 6;
const DAY_MS = 86_400_000;

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The dashboard (seed GET /api/users/me/stats) and progress charts. They read the per-day and
 * per-skill running totals of migration 0004 (kept by triggers on the session summaries), so a
 * view costs a scan of at most one row per day practised, not one per session or answer. Days
 * are the machine's local calendar days.
 */
export class ProgressService {
  constructor(private readonly ctx: ServiceContext) {}

  async stats(profileId: string): Promise<UserStats> {
    const { progress } = this.ctx.repos;
    const now = this.ctx.clock.now().toISOString();
    const t = await progress.totals(profileId, now);
    const e = await progress.bestAndLast(profileId, now);
    const streaks = countStreaks(
      await progress.practisedDays(profileId),
      e?.today ?? now.slice(0, 10),
    );
    const skillRows = await progress.skillScores(profileId);
    const skills: Area[] = skillRows.map((r) => ({
      kind: 'skill',
      name: r.skill,
      score: round1(r.score),
      answers: Number(r.answers),
    }));
    const n = Number(t?.n ?? 0);
    const mean = (sum: number | null | undefined) => round1((sum ?? 0) / n);
    const averages =
      n === 0 || !t
        ? null
        : {
            overall: mean(t.overall),
            content: mean(t.content),
            communication: mean(t.communication),
            technical: mean(t.technical),
            relevance: mean(t.relevance),
          };
    const shown = Number(t?.shown ?? 0);
    const areas: Area[] = [
      ...(averages
        ? (['content', 'communication', 'technical', 'relevance'] as const).map((k): Area => ({
            kind: 'dimension',
            name: k,
            score: averages[k],
            answers: shown,
          }))
        : []),
      ...skills.filter((s) => s.answers >= MIN_ANSWERS_FOR_AREA),
    ];
    const sorted = [...areas].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    return {
      sessions: n,
      questionsAnswered: Number(t?.answered ?? 0),
      questionsShown: shown,
      averages,
      bestOverall: e?.best ?? null,
      lastPractisedAt: e?.last ?? null,
      streakDays: streaks.current,
      longestStreakDays: streaks.longest,
      sessionsLast7Days: Number(t?.recent ?? 0),
      strongest: sorted[0] ?? null,
      weakest: sorted.length > 1 ? (sorted[sorted.length - 1] ?? null) : null,
      skills,
    };
  }

  async chart(
    profileId: string,
    input: { from?: string | undefined; to?: string | undefined; bucket?: Bucket | undefined },
  ): Promise<ProgressChart> {
    const { progress } = this.ctx.repos;
    const bounds = await progress.todayAndFirstDay(profileId, this.ctx.clock.now().toISOString());
    const to = input.to?.slice(0, 10) ?? bounds?.today ?? '1970-01-01';
    let from = input.from?.slice(0, 10);
    if (from === undefined) {
      // Default: from the first session, at most a year back.
      const yearAgo = new Date(Date.parse(`${to}T00:00:00Z`) - 365 * DAY_MS)
        .toISOString()
        .slice(0, 10);
      const first = bounds?.first ?? to;
      from = first > yearAgo ? first : yearAgo;
    }
    const spanDays = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
    const bucket: Bucket =
      input.bucket ?? (spanDays <= 92 ? 'day' : spanDays <= 730 ? 'week' : 'month');
    const rows = await progress.periods(profileId, bucket, from, to);
    const points: ProgressPoint[] = rows.map((r) => ({
      period: r.period,
      sessions: Number(r.sessions),
      overall: round1(r.overall),
      content: round1(r.content),
      communication: round1(r.communication),
      technical: round1(r.technical),
      relevance: round1(r.relevance),
      fillerRate: r.words > 0 ? round1((r.fillers / r.words) * 100) : null,
      paceWpm: r.spoken_seconds > 0 ? Math.round((r.spoken_words / r.spoken_seconds) * 60) : null,
    }));
    // The most practised skills overall, then their scores in the range.
    const top = await progress.mostPractisedSkills(profileId, SKILL_SERIES);
    const skillRows = await progress.skillPeriods(profileId, top, bucket, from, to);
    const bySkill = new Map<
      string,
      { answers: number; points: { period: string; score: number }[] }
    >();
    for (const r of skillRows) {
      const entry = bySkill.get(r.skill) ?? { answers: 0, points: [] };
      entry.answers += Number(r.answers);
      entry.points.push({ period: r.period, score: round1(r.score) });
      bySkill.set(r.skill, entry);
    }
    const skills = top.flatMap((skill) => {
      const v = bySkill.get(skill);
      return v ? [{ skill, ...v }] : [];
    });
    return {
      bucket,
      from,
      to,
      points,
      skills,
      hasSpokenAnswers: points.some((p) => p.paceWpm !== null),
    };
  }

  async repeatedQuestions(
    profileId: string,
    limit: number,
  ): Promise<Output<'progress.repeatedQuestions'>> {
    const rows = await this.ctx.repos.progress.repeatedQuestions(profileId, limit);
    return rows.map((r) => ({
      questionId: r.question_id,
      question: r.content,
      attempts: Number(r.attempts),
      firstScore: r.first_score,
      lastScore: r.last_score,
      lastAnsweredAt: r.last,
    }));
  }

  async attempts(
    input: Pick<Input<'progress.attempts'>, 'profileId' | 'questionId'>,
  ): Promise<Output<'progress.attempts'>> {
    const question = await this.ctx.repos.bank.questionById(input.questionId);
    if (!question) throw notFound('Question', input.questionId);
    const rows = await this.ctx.repos.answers.attemptsOf(input.profileId, input.questionId);
    const attempts: Attempt[] = rows.map((r) => ({
      sessionId: r.session_id,
      answerId: r.id,
      answeredAt: r.answered_at,
      status: r.status === 'skipped' ? 'skipped' : 'answered',
      answerText: r.transcription,
      scores: scoresOf(r),
      strengths: parseStringArray(r.strengths ?? '[]'),
      improvements: parseStringArray(r.improvements ?? '[]'),
    }));
    return {
      questionId: question.id,
      question: question.content,
      idealAnswer: question.ideal_answer,
      attempts,
    };
  }
}

/**
 * Current and longest runs of consecutive days. `days` are distinct YYYY-MM-DD, newest first;
 * the current streak counts only if its newest day is today or yesterday.
 */
export function countStreaks(
  days: readonly string[],
  today: string,
): { current: number; longest: number } {
  const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
  let longest = 0;
  let run = 0;
  let current = 0;
  let previous: number | null = null;
  let inFirstRun = true;
  for (const d of days) {
    const n = dayNumber(d);
    run = previous !== null && previous - n === 1 ? run + 1 : 1;
    if (previous !== null && previous - n !== 1) inFirstRun = false;
    if (inFirstRun) current = run;
    longest = Math.max(longest, run);
    previous = n;
  }
  const newest = days[0];
  if (newest === undefined || dayNumber(today) - dayNumber(newest) > 1) current = 0;
  return { current, longest };
}
