import { z } from 'zod';
import { QUESTION_SCORING_COLUMNS, questionScoreInput } from '../bank/question-score-input';
import type { JobDefinition } from '../../jobs/job-queue';
import type { LlmService } from '../../engines/llm/llm-service';
import type { ServiceContext } from '../service-context';
import {
  describeGap,
  findGaps,
  type FollowUpTrigger,
} from '../../assessment/follow-ups/follow-up-rules';
import { LLM_FOLLOW_UP_JOB } from './follow-up-store';
import { parseGapDetail } from '../../assessment/follow-ups/gap-closed';
import { phraseFollowUp } from './phrase-follow-up';

const payloadSchema = z.object({ followUpId: z.string().min(1) });

/**
 * Rewords a follow-up the bank's rules already chose, for this specific answer. The interview
 * has shown the bank's wording from the start; the LLM's replaces it only if it arrives within
 * the budget, passes the checks, and the candidate has not started typing an answer to it.
 * Whatever happens, the reason is stored with the follow-up.
 */
export function llmFollowUpJob(
  ctx: ServiceContext,
  llm: LlmService,
): JobDefinition<typeof payloadSchema> {
  return {
    type: LLM_FOLLOW_UP_JOB,
    payload: payloadSchema,
    // A follow-up is only useful while it is on screen: a retry would come too late.
    maxAttempts: 1,
    async run({ followUpId }, job) {
      const { db, clock, events } = ctx;
      const fu = await db
        .selectFrom('follow_up_questions as f')
        .innerJoin('questions as q', 'q.id', 'f.question_id')
        .innerJoin('answers as a', 'a.id', 'f.parent_answer_id')
        .select([
          'f.session_id',
          'f.status',
          'f.trigger',
          'f.gap_detail',
          'f.bank_content',
          'f.depth',
          'f.parent_answer_id',
          ...QUESTION_SCORING_COLUMNS,
          'a.transcription',
        ])
        .where('f.id', '=', followUpId)
        .executeTakeFirst();
      if (!fu) return;
      const record = async (reason: string) => {
        await db
          .updateTable('follow_up_questions')
          .set({ fallback_reason: reason, updated_at: clock.now().toISOString() })
          .where('id', '=', followUpId)
          .execute();
      };
      const runtime = llm.current();
      if (!runtime) return record('no language model is installed');
      if (fu.status !== 'pending')
        return record(`the follow-up was ${fu.status} before the LLM could reword it`);

      const previous = await db
        .selectFrom('follow_up_questions')
        .select(['content', 'answer_text'])
        .where('parent_answer_id', '=', fu.parent_answer_id)
        .where('depth', '<', fu.depth)
        .orderBy('depth', 'desc')
        .executeTakeFirst();
      const answer = previous?.answer_text || fu.transcription;
      const gaps = findGaps(questionScoreInput(fu, answer));
      job.progress('generating', 0, 1);
      const checked = await phraseFollowUp(
        runtime,
        {
          question: fu.content,
          answer,
          // The gap this follow-up was chosen for, with the term or claim it names.
          gap: describeGap(fu.trigger as FollowUpTrigger, parseGapDetail(fu.gap_detail), gaps),
          suggestion: fu.bank_content,
          avoid: previous ? [previous.content] : [],
        },
        {
          timeoutMs: llm.followUpBudgetMs,
          signal: job.signal,
          onToken: (text) =>
            events.emit('llm.token', { jobId: job.jobId, type: LLM_FOLLOW_UP_JOB, text }),
        },
      );
      if (!checked.ok) return record(checked.reason);
      const { question, engine } = checked.value;
      // Replace only what the candidate has not begun to answer: the text must not change under them.
      const updated = await db
        .updateTable('follow_up_questions')
        .set({
          content: question,
          engine,
          fallback_reason: null,
          updated_at: clock.now().toISOString(),
        })
        .where('id', '=', followUpId)
        .where('status', '=', 'pending')
        .where('draft_text', '=', '')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        return record('the candidate had already started answering the bank wording');
      job.progress('done', 1, 1);
      events.emit('followup.updated', { sessionId: fu.session_id, followUpId });
    },
  };
}
