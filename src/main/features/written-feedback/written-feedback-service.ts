import type { WrittenFeedback } from '../../../shared/contract';
import { JOB_TYPES } from '../../jobs/job-types';
import { AppError } from '../../platform/errors';
import { parseStringArray } from '../../platform/json';
import type { ServiceContext } from '../service-context';

/** Queues the feedback job again for an ended session of this profile. */
export async function rewriteWrittenFeedback(
  ctx: ServiceContext,
  profileId: string,
  sessionId: string,
): Promise<{ jobId: string }> {
  const session = await ctx.repos.sessions.owned({ profileId, sessionId });
  if (session.status !== 'completed')
    throw new AppError('INVALID_STATE', 'Written feedback comes when the interview has ended.');
  const jobId = await ctx.jobs.enqueue(JOB_TYPES.writtenFeedback, { sessionId });
  ctx.jobs.kick();
  return { jobId };
}

/** Reads a session's written feedback and follow-ups, with who wrote each. */
export async function readWrittenFeedback(
  ctx: ServiceContext,
  profileId: string,
  sessionId: string,
): Promise<WrittenFeedback> {
  await ctx.repos.sessions.owned({ profileId, sessionId }); // ownership check
  const rows = await ctx.repos.writtenFeedback.ofSession(sessionId);
  const running = await ctx.repos.jobs.hasUnfinishedJob(
    JOB_TYPES.writtenFeedback.type,
    JSON.stringify({ sessionId }),
  );
  const followUps = await ctx.repos.followUps.withPositionsOfSession(sessionId);
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
