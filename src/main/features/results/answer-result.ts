import type { AnswerResult, FollowUpResult, QuestionType } from '../../../shared/contract';
import { deliveryAnalyticsSchema } from '../../../shared/contract/recording';
import { asObject, asStringArray, parseObject, parseStringArray } from '../../platform/json';
import { scoresOf, type AnswerRepository } from '../../storage/repositories/answer-repository';
import { readBefore } from '../follow-ups/follow-up-credit';

/** A planned question of a session with its answer and feedback, as the repository reads it. */
export type AnswerResultRow = Awaited<ReturnType<AnswerRepository['resultRowsOfSession']>>[number];

/**
 * One question of a session as the results show it: the one row → AnswerResult mapping (the
 * results screen, the data export and the PDF reports all read it). The stored evaluation
 * details are read defensively: rows from older engines lack newer fields.
 */
export function toAnswerResult(
  r: AnswerResultRow,
  followUps: FollowUpResult[],
  scoringFailed: boolean,
): AnswerResult {
  const scores = scoresOf(r);
  const details = parseObject(r.details ?? '{}');
  const status: AnswerResult['status'] =
    r.answer_id === null
      ? 'unanswered'
      : r.answer_status === 'skipped'
        ? 'skipped'
        : scores
          ? 'scored'
          : scoringFailed
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
      followUps,
    ),
    engine: r.engine,
    analysis: readAnalysis(details),
    delivery: readDelivery(details['delivery']),
    followUps,
    contentBeforeFollowUps: readBefore(details)?.content ?? null,
    overallBeforeFollowUps: readBefore(details)?.overall ?? null,
  };
}

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

/** Delivery analytics stored with a spoken answer's feedback; anything unreadable reads as none. */
function readDelivery(value: unknown): AnswerResult['delivery'] {
  const parsed = deliveryAnalyticsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
