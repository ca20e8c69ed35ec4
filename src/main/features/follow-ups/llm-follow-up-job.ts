import { questionScoreInput } from '../bank/question-score-input';
import { defineJob } from '../../jobs/define-job';
import { JOB_TYPES } from '../../jobs/job-types';
import type { LlmService } from '../../engines/llm/llm-service';
import type { ServiceContext } from '../service-context';
import {
  describeGap,
  findGaps,
  type FollowUpTrigger,
} from '../../assessment/follow-ups/follow-up-rules';
import { parseGapDetail } from '../../assessment/follow-ups/gap-closed';
import { phraseFollowUp } from './phrase-follow-up';

/**
 * Rewords a follow-up the bank's rules already chose, for this specific answer. The interview
 * has shown the bank's wording from the start; the LLM's replaces it only if it arrives within
 * the budget, passes the checks, and the candidate has not started typing an answer to it.
 * Whatever happens, the reason is stored with the follow-up.
 */
export const llmFollowUpJob = defineJob(
  JOB_TYPES.llmFollowUp,
  ({ ctx, llm }: { ctx: ServiceContext; llm: LlmService }) => {
    return async ({ followUpId }, job) => {
      const { repos, clock, events } = ctx;
      const fu = await repos.followUps.rewordingInput(followUpId);
      if (!fu) return;
      const record = async (reason: string) => {
        await repos.followUps.setFallbackReason(followUpId, reason, clock.now().toISOString());
      };
      const runtime = llm.current();
      if (!runtime) return record('no language model is installed');
      if (fu.status !== 'pending')
        return record(`the follow-up was ${fu.status} before the LLM could reword it`);

      const previous = await repos.followUps.previousOf(fu.parent_answer_id, fu.depth);
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
            events.emit('llm.token', { jobId: job.jobId, type: JOB_TYPES.llmFollowUp.type, text }),
        },
      );
      if (!checked.ok) return record(checked.reason);
      const { question, engine } = checked.value;
      // Replace only what the candidate has not begun to answer: the text must not change under them.
      const reworded = await repos.followUps.rewordIfUntouched(followUpId, {
        content: question,
        engine,
        now: clock.now().toISOString(),
      });
      if (!reworded) return record('the candidate had already started answering the bank wording');
      job.progress('done', 1, 1);
      events.emit('followup.updated', { sessionId: fu.session_id, followUpId });
    };
  },
);
