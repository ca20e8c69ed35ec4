import { sql } from 'kysely';
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

type Bucket = ProgressChart['bucket'];
/** A skill needs this many scored answers before it is called someone's best or weakest area. */
const MIN_ANSWERS_FOR_AREA = 3;
const SKILL_SERIES = 6;
const DAY_MS = 86_400_000;

// The period key of each bucket, as SQL over a local day (fixed strings, never user input).
const PERIOD_SQL: Record<Bucket, string> = {
  day: 'day',
  week: "date(day, '-6 days', 'weekday 1')",
  month: "substr(day, 1, 7) || '-01'",
};

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
    const { db } = this.ctx;
    const now = this.ctx.clock.now().toISOString();
    const totals = await sql<{
      n: number | null;
      answered: number | null;
      shown: number | null;
      overall: number | null;
      content: number | null;
      communication: number | null;
      technical: number | null;
      relevance: number | null;
      recent: number | null;
    }>`
      SELECT sum(sessions) AS n, sum(answered) AS answered, sum(shown) AS shown,
        sum(overall_sum) AS overall, sum(content_sum) AS content,
        sum(communication_sum) AS communication, sum(technical_sum) AS technical,
        sum(relevance_sum) AS relevance,
        sum(CASE WHEN day >= date(${now}, 'localtime', '-6 days') THEN sessions ELSE 0 END) AS recent
      FROM progress_days WHERE user_id = ${profileId}`.execute(db);
    const t = totals.rows[0];
    const extremes = await sql<{ best: number | null; last: string | null; today: string }>`
      SELECT (SELECT max(overall) FROM session_summaries WHERE user_id = ${profileId}) AS best,
        (SELECT max(finished_at) FROM session_summaries WHERE user_id = ${profileId}) AS last,
        date(${now}, 'localtime') AS today`.execute(db);
    const e = extremes.rows[0];
    const days = await sql<{ day: string }>`
      SELECT day FROM progress_days WHERE user_id = ${profileId} ORDER BY day DESC`.execute(db);
    const streaks = countStreaks(
      days.rows.map((r) => r.day),
      e?.today ?? now.slice(0, 10),
    );
    const skillRows = await sql<{ skill: string; score: number; answers: number }>`
      SELECT skill, score_sum / answers AS score, answers FROM progress_skills
      WHERE user_id = ${profileId} AND answers > 0 ORDER BY answers DESC, skill`.execute(db);
    const skills: Area[] = skillRows.rows.map((r) => ({
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
    const { db } = this.ctx;
    const bounds = await sql<{ today: string; first: string | null }>`
      SELECT date(${this.ctx.clock.now().toISOString()}, 'localtime') AS today,
        (SELECT min(day) FROM progress_days WHERE user_id = ${profileId}) AS first`.execute(db);
    const to = input.to?.slice(0, 10) ?? bounds.rows[0]?.today ?? '1970-01-01';
    let from = input.from?.slice(0, 10);
    if (from === undefined) {
      // Default: from the first session, at most a year back.
      const yearAgo = new Date(Date.parse(`${to}T00:00:00Z`) - 365 * DAY_MS)
        .toISOString()
        .slice(0, 10);
      const first = bounds.rows[0]?.first ?? to;
      from = first > yearAgo ? first : yearAgo;
    }
    const spanDays = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
    const bucket: Bucket =
      input.bucket ?? (spanDays <= 92 ? 'day' : spanDays <= 730 ? 'week' : 'month');
    const period = sql.raw(PERIOD_SQL[bucket]);
    const rows = await sql<{
      period: string;
      sessions: number;
      overall: number;
      content: number;
      communication: number;
      technical: number;
      relevance: number;
      words: number;
      fillers: number;
      spoken_words: number;
      spoken_seconds: number;
    }>`
      SELECT ${period} AS period, sum(sessions) AS sessions,
        sum(overall_sum) / sum(sessions) AS overall, sum(content_sum) / sum(sessions) AS content,
        sum(communication_sum) / sum(sessions) AS communication,
        sum(technical_sum) / sum(sessions) AS technical,
        sum(relevance_sum) / sum(sessions) AS relevance, sum(words) AS words,
        sum(fillers) AS fillers, sum(spoken_words) AS spoken_words,
        sum(spoken_seconds) AS spoken_seconds
      FROM progress_days
      WHERE user_id = ${profileId} AND day >= ${from} AND day <= ${to} AND sessions > 0
      GROUP BY period ORDER BY period`.execute(db);
    const points: ProgressPoint[] = rows.rows.map((r) => ({
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
    const top = (
      await sql<{ skill: string }>`
        SELECT skill FROM progress_skills WHERE user_id = ${profileId} AND answers > 0
        ORDER BY answers DESC, skill LIMIT ${SKILL_SERIES}`.execute(db)
    ).rows.map((r) => r.skill);
    const skillRows =
      top.length === 0
        ? []
        : (
            await sql<{ skill: string; period: string; score: number; answers: number }>`
              SELECT skill, ${period} AS period, sum(score_sum) / sum(answers) AS score,
                sum(answers) AS answers
              FROM progress_skill_days
              WHERE user_id = ${profileId} AND skill IN (${sql.join(top)})
                AND day >= ${from} AND day <= ${to} AND answers > 0
              GROUP BY skill, period ORDER BY period`.execute(db)
          ).rows;
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
    const rows = await sql<{
      question_id: string;
      content: string;
      attempts: number;
      last: string;
      first_score: number | null;
      last_score: number | null;
    }>`
      WITH repeated AS (
        SELECT a.question_id, count(*) AS attempts, min(a.answered_at) AS first,
          max(a.answered_at) AS last
        FROM answers a JOIN interview_sessions s ON s.id = a.session_id
        WHERE s.user_id = ${profileId}
        GROUP BY a.question_id HAVING count(*) > 1
        ORDER BY last DESC LIMIT ${limit}
      )
      SELECT r.question_id, q.content, r.attempts, r.last,
        (SELECT f.overall_score FROM answers a JOIN interview_sessions s ON s.id = a.session_id
          LEFT JOIN feedback f ON f.answer_id = a.id
          WHERE a.question_id = r.question_id AND s.user_id = ${profileId}
          ORDER BY a.answered_at ASC LIMIT 1) AS first_score,
        (SELECT f.overall_score FROM answers a JOIN interview_sessions s ON s.id = a.session_id
          LEFT JOIN feedback f ON f.answer_id = a.id
          WHERE a.question_id = r.question_id AND s.user_id = ${profileId}
          ORDER BY a.answered_at DESC LIMIT 1) AS last_score
      FROM repeated r JOIN questions q ON q.id = r.question_id
      ORDER BY r.last DESC`.execute(this.ctx.db);
    return rows.rows.map((r) => ({
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
    const { db } = this.ctx;
    const question = await db
      .selectFrom('questions')
      .select(['id', 'content', 'ideal_answer'])
      .where('id', '=', input.questionId)
      .executeTakeFirst();
    if (!question) throw notFound('Question', input.questionId);
    const rows = await db
      .selectFrom('answers as a')
      .innerJoin('interview_sessions as s', 's.id', 'a.session_id')
      .leftJoin('feedback as f', 'f.answer_id', 'a.id')
      .select([
        'a.id',
        'a.session_id',
        'a.answered_at',
        'a.status',
        'a.transcription',
        'f.content_score',
        'f.communication_score',
        'f.technical_score',
        'f.relevance_score',
        'f.overall_score',
        'f.strengths',
        'f.improvements',
      ])
      .where('s.user_id', '=', input.profileId)
      .where('a.question_id', '=', input.questionId)
      .orderBy('a.answered_at')
      .execute();
    const attempts: Attempt[] = rows.map((r) => ({
      sessionId: r.session_id,
      answerId: r.id,
      answeredAt: r.answered_at,
      status: r.status === 'skipped' ? 'skipped' : 'answered',
      answerText: r.transcription,
      scores:
        r.overall_score === null
          ? null
          : {
              content: r.content_score ?? 0,
              communication: r.communication_score ?? 0,
              technical: r.technical_score ?? 0,
              relevance: r.relevance_score ?? 0,
              overall: r.overall_score,
            },
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
