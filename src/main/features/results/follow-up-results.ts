import type { Kysely } from 'kysely';
import type { FollowUpResult } from '../../../shared/contract';
import { asStringArray, parseObject } from '../../platform/json';
import type { DatabaseSchema } from '../../storage/schema';
import { SCORE_FOLLOW_UP_JOB } from '../follow-ups/follow-up-store';

const STATUSES: readonly FollowUpResult['status'][] = ['pending', 'answered', 'skipped', 'dropped'];

/** A session's follow-ups with their evaluations, grouped by the answer they follow. */
export async function followUpResults(
  db: Kysely<DatabaseSchema>,
  sessionId: string,
): Promise<Map<string, FollowUpResult[]>> {
  const rows = await db
    .selectFrom('follow_up_questions as f')
    .leftJoin('follow_up_evaluations as e', 'e.follow_up_id', 'f.id')
    .select([
      'f.id',
      'f.parent_answer_id',
      'f.depth',
      'f.content',
      'f.trigger',
      'f.status',
      'f.answer_text',
      'e.content_score',
      'e.communication_score',
      'e.technical_score',
      'e.relevance_score',
      'e.overall_score',
      'e.combined_content_score',
      'e.gap_closed',
      'e.gap_note',
      'e.engine',
      'e.details',
    ])
    .where('f.session_id', '=', sessionId)
    .orderBy('f.parent_answer_id')
    .orderBy('f.depth')
    .execute();
  const failed = await failedFollowUpIds(
    db,
    rows.filter((r) => r.status === 'answered' && r.engine === null).map((r) => r.id),
  );
  const byAnswer = new Map<string, FollowUpResult[]>();
  for (const r of rows) {
    const status = STATUSES.find((s) => s === r.status) ?? 'dropped';
    const evaluation =
      r.engine === null
        ? null
        : {
            scores: {
              content: r.content_score ?? 0,
              communication: r.communication_score ?? 0,
              technical: r.technical_score ?? 0,
              relevance: r.relevance_score ?? 0,
              overall: r.overall_score ?? 0,
            },
            combinedContent: r.combined_content_score ?? 0,
            combinedKeyPoints: asStringArray(parseObject(r.details ?? '{}')['combinedKeyPoints']),
            gapClosed: r.gap_closed === 1,
            gapNote: r.gap_note ?? '',
            engine: r.engine,
          };
    const list = byAnswer.get(r.parent_answer_id) ?? [];
    list.push({
      id: r.id,
      depth: r.depth,
      question: r.content,
      trigger: r.trigger,
      status,
      answerText: r.answer_text,
      evaluationStatus: evaluation
        ? 'scored'
        : status !== 'answered'
          ? 'none'
          : failed.has(r.id)
            ? 'failed'
            : 'pending',
      evaluation,
    });
    byAnswer.set(r.parent_answer_id, list);
  }
  return byAnswer;
}

async function failedFollowUpIds(
  db: Kysely<DatabaseSchema>,
  followUpIds: string[],
): Promise<Set<string>> {
  if (followUpIds.length === 0) return new Set();
  const failed = await db
    .selectFrom('jobs')
    .select('payload')
    .where('type', '=', SCORE_FOLLOW_UP_JOB)
    .where('status', '=', 'failed')
    .execute();
  const wanted = new Set(followUpIds);
  const ids = failed.map((j) => parseObject(j.payload)['followUpId']);
  return new Set(ids.filter((id): id is string => typeof id === 'string' && wanted.has(id)));
}
