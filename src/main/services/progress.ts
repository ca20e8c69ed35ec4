import { sql } from 'kysely';
import type {
  Area,
  Attempt,
  Input,
  Output,
  ProgressChart,
  ProgressPoint,
  UserStats,
} from '../../shared/contract';
import { notFound } from '../core/errors';
import { parseStringArray } from '../core/json';
import type { ServiceContext } from './context';
import { nextDay } from './results';

type Bucket = ProgressChart['bucket'];
/** A skill needs this many scored answers before it is called someone's best or weakest area. */
const MIN_ANSWERS_FOR_AREA = 3;
const SKILL_SERIES = 6;
const DAY_MS = 86_400_000;

// The period key of each bucket, as SQL over finished_at (fixed strings, never user input).
const PERIOD_SQL: Record<Bucket, string> = {
  day: 'substr(finished_at, 1, 10)',
  week: "date(finished_at, '-6 days', 'weekday 1')",
  month: "substr(finished_at, 1, 7) || '-01'",
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The dashboard (seed GET /api/users/me/stats) and progress charts. Everything reads the
 * per-session summaries of migration 0004, so a view costs one indexed range scan over a
 * profile's sessions rather than over all its answers.
 */
export class ProgressService {
  constructor(private readonly ctx: ServiceContext) {}

  async stats(profileId: string, utcOffsetMinutes: number): Promise<UserStats> {
    const { db } = this.ctx;
    const weekAgo = new Date(this.ctx.clock.now().getTime() - 7 * DAY_MS).toISOString();
    const totals = await sql<{
      n: number;
      answered: number | null;
      shown: number | null;
      overall: number | null;
      content: number | null;
      communication: number | null;
      technical: number | null;
      relevance: number | null;
      best: number | null;
      last: string | null;
      recent: number | null;
    }>`
      SELECT count(*) AS n, sum(answered_count) AS answered, sum(shown_count) AS shown,
        avg(overall) AS overall, avg(content) AS content, avg(communication) AS communication,
        avg(technical) AS technical, avg(relevance) AS relevance, max(overall) AS best,
        max(finished_at) AS last, sum(finished_at >= ${weekAgo}) AS recent
      FROM session_summaries WHERE user_id = ${profileId}`.execute(db);
    const t = totals.rows[0];
    const offset = `${utcOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(utcOffsetMinutes)} minutes`;
    const days = await sql<{ d: string }>`
      SELECT DISTINCT date(finished_at, ${offset}) AS d FROM session_summaries
      WHERE user_id = ${profileId} ORDER BY d DESC`.execute(db);
    const today = new Date(this.ctx.clock.now().getTime() + utcOffsetMinutes * 60_000)
      .toISOString()
      .slice(0, 10);
    const streaks = countStreaks(
      days.rows.map((r) => r.d),
      today,
    );
    const skillRows = await sql<{ skill: string; score: number; answers: number }>`
      SELECT skill, sum(score * answer_count) / sum(answer_count) AS score,
        sum(answer_count) AS answers
      FROM session_skill_scores WHERE user_id = ${profileId}
      GROUP BY skill ORDER BY answers DESC, skill`.execute(db);
    const skills: Area[] = skillRows.rows.map((r) => ({
      kind: 'skill',
      name: r.skill,
      score: round1(r.score),
      answers: Number(r.answers),
    }));
    const n = Number(t?.n ?? 0);
    const averages =
      n === 0 || !t
        ? null
        : {
            overall: round1(t.overall ?? 0),
            content: round1(t.content ?? 0),
            communication: round1(t.communication ?? 0),
            technical: round1(t.technical ?? 0),
            relevance: round1(t.relevance ?? 0),
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
      bestOverall: t?.best ?? null,
      lastPractisedAt: t?.last ?? null,
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
    const to = (input.to ?? this.ctx.clock.now().toISOString()).slice(0, 10);
    let from = input.from?.slice(0, 10);
    if (from === undefined) {
      // Default: from the first session, at most a year back.
      const first = await sql<{ f: string | null }>`
        SELECT min(finished_at) AS f FROM session_summaries WHERE user_id = ${profileId}`.execute(
        db,
      );
      const yearAgo = new Date(Date.parse(`${to}T00:00:00Z`) - 365 * DAY_MS)
        .toISOString()
        .slice(0, 10);
      const f = first.rows[0]?.f?.slice(0, 10) ?? to;
      from = f > yearAgo ? f : yearAgo;
    }
    const spanDays = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
    const bucket: Bucket =
      input.bucket ?? (spanDays <= 92 ? 'day' : spanDays <= 730 ? 'week' : 'month');
    const period = sql.raw(PERIOD_SQL[bucket]);
    const end = nextDay(to);
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
      SELECT ${period} AS period, count(*) AS sessions, avg(overall) AS overall,
        avg(content) AS content, avg(communication) AS communication, avg(technical) AS technical,
        avg(relevance) AS relevance, sum(word_count) AS words, sum(filler_count) AS fillers,
        sum(spoken_words) AS spoken_words, sum(spoken_seconds) AS spoken_seconds
      FROM session_summaries
      WHERE user_id = ${profileId} AND finished_at >= ${from} AND finished_at < ${end}
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
    const skillRows = await sql<{ skill: string; period: string; score: number; answers: number }>`
      SELECT skill, ${period} AS period, sum(score * answer_count) / sum(answer_count) AS score,
        sum(answer_count) AS answers
      FROM session_skill_scores
      WHERE user_id = ${profileId} AND finished_at >= ${from} AND finished_at < ${end}
      GROUP BY skill, period ORDER BY period`.execute(db);
    const bySkill = new Map<
      string,
      { answers: number; points: { period: string; score: number }[] }
    >();
    for (const r of skillRows.rows) {
      const entry = bySkill.get(r.skill) ?? { answers: 0, points: [] };
      entry.answers += Number(r.answers);
      entry.points.push({ period: r.period, score: round1(r.score) });
      bySkill.set(r.skill, entry);
    }
    const skills = [...bySkill.entries()]
      .map(([skill, v]) => ({ skill, ...v }))
      .sort((a, b) => b.answers - a.answers || a.skill.localeCompare(b.skill))
      .slice(0, SKILL_SERIES);
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
