import type {
  FollowUpResult,
  AnswerResult,
  HistoryFilter,
  HistoryItem,
  Level,
  QuestionType,
  Scores,
  SessionResults,
  SessionStatus,
} from '../../../shared/contract';
import { asObject, asStringArray, parseObject, parseStringArray } from '../../platform/json';
import type { ServiceContext } from '../service-context';
import { readSessionState } from '../interviews/session-state';
import { deliveryAnalyticsSchema } from '../../../shared/contract/recording';
import { readBefore } from '../follow-ups/follow-up-credit';
import { followUpResults } from './follow-up-results';
import { scoresOf } from '../../storage/repositories/answer-repository';
import { SCORE_ANSWER_JOB } from '../interviews/score-answer-job';

/** Results of one session and the history list. */
export class ResultsService {
  constructor(private readonly ctx: ServiceContext) {}

  async session(profileId: string, sessionId: string): Promise<SessionResults> {
    const state = await readSessionState(this.ctx, profileId, sessionId); // ownership check
    const rows = await this.ctx.repos.answers.resultRowsOfSession(sessionId);
    const failedAnswerIds = await this.failedScoringAnswerIds(
      rows.flatMap((r) => (r.answer_id ? [r.answer_id] : [])),
    );
    const followUps = await followUpResults(this.ctx.repos, sessionId);

    const answers: AnswerResult[] = rows.map((r) => {
      const scores = scoresOf(r);
      const details = parseObject(r.details ?? '{}');
      const status: AnswerResult['status'] =
        r.answer_id === null
          ? 'unanswered'
          : r.answer_status === 'skipped'
            ? 'skipped'
            : scores
              ? 'scored'
              : failedAnswerIds.has(r.answer_id)
                ? 'failed'
                : 'pending';
      return {
        position: r.position,
        questionId: r.question_id,
        question: r.content,
        type: r.type as QuestionType,
        idealAnswer: r.ideal_answer,
        generatedBy: r.generated_by,
        status,
        answerId: r.answer_id,
        answerText: r.transcription ?? '',
        durationSeconds: r.duration_seconds,
        overTimeSeconds: r.over_time_seconds ?? 0,
        scores,
        strengths: parseStringArray(r.strengths ?? '[]'),
        improvements: parseStringArray(r.improvements ?? '[]'),
        feedbackText: r.detailed_feedback ?? '',
        ...keyPointsWithFollowUps(
          asStringArray(details['keywordsFound']),
          asStringArray(details['keywordsMissing']),
          readAnswerParts(details['answerParts']),
          (r.answer_id && followUps.get(r.answer_id)) || [],
        ),
        engine: r.engine,
        analysis: readAnalysis(details),
        delivery: readDelivery(details['delivery']),
        followUps: (r.answer_id && followUps.get(r.answer_id)) || [],
        contentBeforeFollowUps: readBefore(details)?.content ?? null,
        overallBeforeFollowUps: readBefore(details)?.overall ?? null,
      };
    });
    const pendingFollowUps = [...followUps.values()]
      .flat()
      .filter((f) => f.evaluationStatus === 'pending').length;

    return {
      sessionId,
      status: state.status,
      roleId: state.roleId,
      roleTitle: state.roleTitle,
      level: state.level,
      createdAt: state.createdAt,
      completedAt: state.completedAt,
      scores: averageScores(answers),
      pendingCount: answers.filter((a) => a.status === 'pending').length + pendingFollowUps,
      answers,
      recommendations: recommend(answers),
      jobDescription: state.plan.jobDescription,
      jobSkills: state.plan.jobSkills,
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
    const failed = await this.ctx.repos.answers.idsInFailedJobs(SCORE_ANSWER_JOB, 'answerId');
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

/** The stored evaluation details, read defensively: rows from older engines lack newer fields. */
/**
 * A key point (or part of a strong answer) the candidate gave in a follow-up answer is no longer
 * missing: the question's content already counts it (see follow-up-credit.ts).
 */
function keyPointsWithFollowUps(
  found: string[],
  missing: string[],
  parts: AnswerResult['answerParts'],
  followUps: readonly FollowUpResult[],
): Pick<AnswerResult, 'keywordsFound' | 'keywordsMissing' | 'answerParts'> {
  const supplied = new Set(followUps.flatMap((f) => f.evaluation?.combinedKeyPoints ?? []));
  const later = missing.filter((k) => supplied.has(k));
  if (later.length === 0)
    return { keywordsFound: found, keywordsMissing: missing, answerParts: parts };
  return {
    keywordsFound: [...found, ...later],
    keywordsMissing: missing.filter((k) => !supplied.has(k)),
    answerParts: parts && {
      found: [
        ...parts.found,
        ...parts.missing
          .filter((p) => supplied.has(p.label))
          .map((p) => ({
            id: p.id,
            label: p.label,
            evidence: 'in your follow-up answer',
            strength: 1,
          })),
      ],
      missing: parts.missing.filter((p) => !supplied.has(p.label)),
    },
  };
}

/** The stored parts of a strong answer (see scoring/answer-parts.ts); null for fact questions
 * and for answers scored before parts were judged. */
function readAnswerParts(value: unknown): AnswerResult['answerParts'] {
  const parts = asObject(value);
  if (!Array.isArray(parts['found']) || !Array.isArray(parts['missing'])) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    found: parts['found'].map((p) => {
      const o = asObject(p);
      const strength = typeof o['strength'] === 'number' ? o['strength'] : 1;
      return {
        id: text(o['id']),
        label: text(o['label']),
        evidence: text(o['evidence']),
        strength,
      };
    }),
    missing: parts['missing'].map((p) => {
      const o = asObject(p);
      return { id: text(o['id']), label: text(o['label']), advice: text(o['advice']) };
    }),
  };
}

function readAnalysis(details: Record<string, unknown>): AnswerResult['analysis'] {
  const num = (v: unknown): number | null =>
    typeof v === 'number' && Number.isFinite(v) ? v : null;
  const signals = asObject(details['signals']);
  const structure = asObject(details['structure']);
  const fillers: Record<string, number> = {};
  for (const [k, v] of Object.entries(asObject(signals['fillers'])))
    if (typeof v === 'number') fillers[k] = v;
  const issues = Array.isArray(details['grammarIssues']) ? details['grammarIssues'] : [];
  return {
    semanticSimilarity: num(details['semanticSimilarity']),
    semanticCoverage: num(details['semanticCoverage']),
    sentiment: num(details['sentiment']),
    grammarIssues: issues.flatMap((i) => {
      const g = asObject(i);
      const start = num(g['start']);
      const end = num(g['end']);
      return start === null || end === null
        ? []
        : [
            {
              start,
              end,
              kind: typeof g['kind'] === 'string' ? g['kind'] : '',
              message: typeof g['message'] === 'string' ? g['message'] : '',
              suggestions: asStringArray(g['suggestions']),
            },
          ];
    }),
    fillers,
    hedges: asStringArray(signals['hedges']),
    specificity: num(signals['specificity']),
    vocabularyRichness: num(signals['vocabularyRichness']),
    starParts: asStringArray(structure['starParts']),
    flags: asStringArray(signals['flags']),
    synonymsMatched: (Array.isArray(details['synonymsMatched'])
      ? details['synonymsMatched']
      : []
    ).flatMap((s) => {
      const { word, idealWord } = asObject(s);
      return typeof word === 'string' && typeof idealWord === 'string' ? [{ word, idealWord }] : [];
    }),
  };
}

/** The day after a YYYY-MM-DD day, as the exclusive upper bound of an ISO timestamp range. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Delivery analytics stored with a spoken answer's feedback; anything unreadable reads as none. */
function readDelivery(value: unknown): AnswerResult['delivery'] {
  const parsed = deliveryAnalyticsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
