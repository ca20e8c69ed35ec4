import type {
  AnswerResult,
  HistoryFilter,
  HistoryItem,
  Level,
  Scores,
  SessionResults,
  SessionStatus,
} from '../../../shared/contract';
import type { ServiceContext } from '../service-context';
import { parseStringArray } from '../../platform/json';
import { followUpResults } from './follow-up-results';
import { toAnswerResult } from './answer-result';
import { JOB_TYPES } from '../../jobs/job-types';

/** Results of one session and the history list. */
export class ResultsService {
  constructor(private readonly ctx: ServiceContext) {}

  async session(profileId: string, sessionId: string): Promise<SessionResults> {
    // Another profile's session is "not found".
    const session = await this.ctx.repos.sessions.ownedWithProgress({ profileId, sessionId });
    const rows = await this.ctx.repos.answers.resultRowsOfSession(sessionId);
    const failedAnswerIds = await this.failedScoringAnswerIds(
      rows.flatMap((r) => (r.answer_id ? [r.answer_id] : [])),
    );
    const followUps = await followUpResults(this.ctx.repos, sessionId);

    const answers = rows.map((r) =>
      toAnswerResult(
        r,
        (r.answer_id && followUps.get(r.answer_id)) || [],
        r.answer_id !== null && failedAnswerIds.has(r.answer_id),
      ),
    );
    const pendingFollowUps = [...followUps.values()]
      .flat()
      .filter((f) => f.evaluationStatus === 'pending').length;

    return {
      sessionId,
      status: session.status as SessionStatus,
      roleId: session.job_role_id,
      roleTitle: session.role_title,
      level: session.difficulty_level as Level,
      createdAt: session.created_at,
      completedAt: session.completed_at,
      scores: averageScores(answers),
      pendingCount: answers.filter((a) => a.status === 'pending').length + pendingFollowUps,
      answers,
      recommendations: recommend(answers),
      jobDescription: session.job_description,
      jobSkills: parseStringArray(session.job_skills),
    };
  }

  async history(
    profileId: string,
    limit: number,
    offset: number,
    filter: HistoryFilter = {},
  ): Promise<{ items: HistoryItem[]; total: number }> {
    const { total, rows } = await this.ctx.repos.sessions.history(
      profileId,
      {
        roleId: filter.roleId,
        status: filter.status,
        createdFrom: filter.from,
        createdBefore: filter.to === undefined ? undefined : nextDay(filter.to),
        minScore: filter.minScore,
        maxScore: filter.maxScore,
      },
      limit,
      offset,
    );
    return {
      total,
      items: rows.map((r) => ({
        sessionId: r.id,
        status: r.status as SessionStatus,
        roleId: r.job_role_id,
        roleTitle: r.title,
        level: r.difficulty_level as Level,
        totalQuestions: r.total_questions,
        answeredCount: r.answered,
        overallScore: r.overall_score,
        createdAt: r.created_at,
        completedAt: r.completed_at,
      })),
    };
  }

  private async failedScoringAnswerIds(answerIds: string[]): Promise<Set<string>> {
    if (answerIds.length === 0) return new Set();
    const wanted = new Set(answerIds);
    const failed = await this.ctx.repos.jobs.idsInFailedJobs(
      JOB_TYPES.scoreAnswer.type,
      'answerId',
    );
    return new Set(failed.filter((id) => wanted.has(id)));
  }
}

/** Mean per dimension over the questions shown; a skipped question counts 0. */
function averageScores(answers: readonly AnswerResult[]): Scores | null {
  const shown = answers.filter((a) => a.status === 'scored' || a.status === 'skipped');
  if (!shown.some((a) => a.status === 'scored')) return null;
  const mean = (key: keyof Scores) =>
    Math.round(shown.reduce((sum, a) => sum + (a.scores?.[key] ?? 0), 0) / shown.length);
  return {
    content: mean('content'),
    communication: mean('communication'),
    technical: mean('technical'),
    relevance: mean('relevance'),
    overall: mean('overall'),
  };
}

function recommend(answers: readonly AnswerResult[]): string[] {
  const scored = answers.filter((a) => a.scores);
  const out: string[] = [];
  const skipped = answers.filter((a) => a.status === 'skipped').length;
  if (skipped > 0)
    out.push(
      `You skipped ${skipped} question${skipped > 1 ? 's' : ''}: practise ${skipped > 1 ? 'them' : 'it'} again, even a short answer beats none.`,
    );
  const behavioralWeak = scored.filter(
    (a) =>
      a.type === 'behavioral' &&
      a.improvements.some((i) => i.includes('STAR') || i.includes('measurable')),
  );
  if (behavioralWeak.length > 0)
    out.push('Practise the STAR method: situation, task, action, and a result with a number.');
  const missing = new Map<string, number>();
  for (const a of scored)
    for (const k of a.keywordsMissing) missing.set(k, (missing.get(k) ?? 0) + 1);
  const topMissing = [...missing.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k]) => k);
  if (topMissing.length > 0)
    out.push(`Review these topics, which your answers left out: ${topMissing.join(', ')}.`);
  const short = scored.filter((a) => a.answerText.split(/\s+/).filter(Boolean).length < 40).length;
  if (short > 0)
    out.push(
      `${short} answer${short > 1 ? 's were' : ' was'} under 40 words: develop each point with an example.`,
    );
  if (out.length === 0 && scored.length > 0)
    out.push('Solid session: try the next level up, or a role you are less familiar with.');
  return out;
}

/** The day after a YYYY-MM-DD day, as the exclusive upper bound of an ISO timestamp range. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
