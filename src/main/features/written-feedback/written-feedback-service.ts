import type { WrittenFeedback } from '../../../shared/contract';
import { AppError } from '../../platform/errors';
import { parseStringArray } from '../../platform/json';
import type { ServiceContext } from '../service-context';
import { readSessionState } from '../interviews/session-state';
import { WRITTEN_FEEDBACK_JOB } from './written-feedback-job';

/** Queues the feedback job again for an ended session of this profile. */
export async function rewriteWrittenFeedback(
  ctx: ServiceContext,
  profileId: string,
  sessionId: string,
): Promise<{ jobId: string }> {
  const state = await readSessionState(ctx.db, profileId, sessionId);
  if (state.status !== 'completed')
    throw new AppError('INVALID_STATE', 'Written feedback comes when the interview has ended.');
  const jobId = await ctx.jobs.enqueue(WRITTEN_FEEDBACK_JOB, { sessionId });
  ctx.jobs.kick();
  return { jobId };
}

/** Reads a session's written feedback and follow-ups, with who wrote each. */
export async function readWrittenFeedback(
  ctx: ServiceContext,
  profileId: string,
  sessionId: string,
): Promise<WrittenFeedback> {
  await readSessionState(ctx.db, profileId, sessionId); // ownership check
  const rows = await ctx.db
    .selectFrom('written_feedback as w')
    .leftJoin('answers as a', 'a.id', 'w.answer_id')
    .select([
      'w.answer_id',
      'a.position',
      'w.text',
      'w.template_text',
      'w.recommendations',
      'w.improved_answer',
      'w.engine',
      'w.fallback_reason',
    ])
    .where('w.session_id', '=', sessionId)
    .orderBy('a.position')
    .execute();
  const running = await ctx.db
    .selectFrom('jobs')
    .select('id')
    .where('type', '=', WRITTEN_FEEDBACK_JOB)
    .where('status', 'in', ['queued', 'running'])
    .where('payload', '=', JSON.stringify({ sessionId }))
    .executeTakeFirst();
  const followUps = await ctx.db
    .selectFrom('follow_up_questions as f')
    .innerJoin('answers as a', 'a.id', 'f.parent_answer_id')
    .selectAll('f')
    .select('a.position')
    .where('f.session_id', '=', sessionId)
    .orderBy('a.position')
    .orderBy('f.depth')
    .execute();
  const summaryRow = rows.find((r) => r.answer_id === null);
  const text = (r: (typeof rows)[number]) => ({
    text: r.text,
    templateText: r.template_text,
    engine: r.engine,
    fallbackReason: r.fallback_reason,
  });
  return {
    status: running ? 'pending' : rows.length > 0 ? 'ready' : 'none',
    summary: summaryRow
      ? { ...text(summaryRow), recommendations: parseStringArray(summaryRow.recommendations) }
      : null,
    answers: rows.flatMap((r) =>
      r.answer_id === null || r.position === null
        ? []
        : [
            {
              ...text(r),
              answerId: r.answer_id,
              position: r.position,
              improvedAnswer: r.improved_answer,
            },
          ],
    ),
    followUps: followUps.map((f) => ({
      id: f.id,
      position: f.position,
      depth: f.depth,
      trigger: f.trigger,
      content: f.content,
      bankContent: f.bank_content,
      engine: f.engine,
      fallbackReason: f.fallback_reason,
      status: f.status as WrittenFeedback['followUps'][number]['status'],
      answerText: f.answer_text,
    })),
  };
}
