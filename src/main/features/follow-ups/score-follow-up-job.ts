import { questionScoreInput } from '../bank/question-score-input';
import { withRepositories } from '../../storage/repositories';
import { defineJob } from '../../jobs/define-job';
import { JOB_TYPES } from '../../jobs/job-types';
import type { ServiceContext } from '../service-context';
import { profileEvaluateOptions } from '../settings/evaluate-options';
import { creditFollowUps } from './follow-up-credit';
import { findGaps, type FollowUpTrigger } from '../../assessment/follow-ups/follow-up-rules';
import { judgeGapClosed, parseGapDetail } from '../../assessment/follow-ups/gap-closed';

// answerId is the parent answer: deleting a session or profile removes jobs that name its answers.
/**
 * Scores a follow-up answer with the same evaluator as every answer, against the parent
 * question's ideal answer; scores the parent answer and the follow-up answers so far read
 * together (the question's credit, see follow-up-credit.ts); and judges whether the reply closed
 * the gap the follow-up asked about. Re-running replaces the earlier evaluation.
 */
export const scoreFollowUpJob = defineJob(JOB_TYPES.scoreFollowUp, (ctx: ServiceContext) => {
  return async ({ followUpId }, job) => {
    const { db, repos, clock, events } = ctx;
    job.progress('loading', 0, 2);
    const row = await repos.followUps.scoringInput(followUpId);
    if (!row || row.status !== 'answered') return; // deleted meanwhile, or nothing to score
    const earlier = await repos.followUps.earlierAnswers(row.parent_answer_id, row.depth);
    const beforeText = [row.transcription, ...earlier].join('\n\n');
    const combinedText = `${beforeText}\n\n${row.answer_text}`;
    const input = (answer: string) => questionScoreInput(row, answer);

    job.progress('scoring', 1, 2);
    const evaluator = await ctx.evaluator.get();
    // Checked as the profile chose for its answers (its grammar-check setting).
    const options = await profileEvaluateOptions(ctx, row.user_id);
    const reply = await evaluator.evaluate(input(row.answer_text), options);
    const combined = await evaluator.evaluate(input(combinedText), options);
    const verdict = judgeGapClosed({
      trigger: row.trigger as FollowUpTrigger,
      detail: parseGapDetail(row.gap_detail),
      reply: row.answer_text,
      replyGaps: findGaps(input(row.answer_text)),
      before: findGaps(input(beforeText)),
      combined: findGaps(input(combinedText)),
    });
    if (job.signal.aborted) return;
    const evaluation = {
      scores: reply.scores,
      combinedContent: combined.scores.content,
      gapClosed: verdict.closed,
      gapNote: verdict.note,
      engine: reply.engineId,
      details: {
        engines: reply.engines,
        keywordsFound: reply.details.keywordsFound,
        wordCount: reply.details.wordCount,
        semanticCoverage: reply.semanticCoverage,
        combinedScores: combined.scores,
        combinedKeyPoints: combined.details.keywordsFound,
      },
      createdAt: clock.now().toISOString(),
    };
    await withRepositories(db, async (trx) => {
      await trx.followUps.saveEvaluation(followUpId, evaluation);
      await creditFollowUps(trx, row.parent_answer_id);
    });
    await repos.sessions.refreshScore(row.session_id);
    job.progress('done', 2, 2);
    events.emit('answer.scored', { sessionId: row.session_id, answerId: row.parent_answer_id });
  };
});
