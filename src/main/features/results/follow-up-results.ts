import type { FollowUpResult } from '../../../shared/contract';
import { JOB_TYPES } from '../../jobs/job-types';
import { asStringArray, parseObject } from '../../platform/json';
import type { Repositories } from '../../storage/repositories';
import { scoresOf } from '../../storage/repositories/answer-repository';

const STATUSES: readonly FollowUpResult['status'][] = ['pending', 'answered', 'skipped', 'dropped'];

/** A session's follow-ups with their evaluations, grouped by the answer they follow. */
export async function followUpResults(
  repos: Repositories,
  sessionId: string,
): Promise<Map<string, FollowUpResult[]>> {
  const rows = await repos.followUps.resultRowsOfSession(sessionId);
  const failed = await failedFollowUpIds(
    repos,
    rows.filter((r) => r.status === 'answered' && r.engine === null).map((r) => r.id),
  );
  const byAnswer = new Map<string, FollowUpResult[]>();
  for (const r of rows) {
    const status = STATUSES.find((s) => s === r.status) ?? 'dropped';
    // An evaluation row always has its scores: the engine column tells whether one is joined.
    const scores = r.engine === null ? null : scoresOf(r);
    const evaluation =
      r.engine === null || scores === null
        ? null
        : {
            scores,
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

async function failedFollowUpIds(repos: Repositories, followUpIds: string[]): Promise<Set<string>> {
  if (followUpIds.length === 0) return new Set();
  const wanted = new Set(followUpIds);
  const failed = await repos.jobs.idsInFailedJobs(JOB_TYPES.scoreFollowUp.type, 'followUpId');
  return new Set(failed.filter((id) => wanted.has(id)));
}
