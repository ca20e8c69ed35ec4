import { questionScoreInput } from '../bank/question-score-input';
import { deliveryAnalyticsSchema, type DeliveryAnalytics } from '../../../shared/contract';
import { defineJob } from '../../jobs/define-job';
import { JOB_TYPES } from '../../jobs/job-types';
import type { ServiceContext } from '../service-context';
import { withRepositories } from '../../storage/repositories';
import { profileEvaluateOptions } from '../settings/evaluate-options';
import { creditFollowUps } from '../follow-ups/follow-up-credit';

/** Scores one answer and stores its feedback row; re-running replaces the earlier feedback. */
export const scoreAnswerJob = defineJob(JOB_TYPES.scoreAnswer, (ctx: ServiceContext) => {
  return async ({ answerId }, job) => {
    const { db, repos, clock, ids, events } = ctx;
    job.progress('loading', 0, 2);
    const row = await repos.answers.scoringInput(answerId);
    if (!row) return; // the answer was deleted meanwhile: nothing left to score
    const stored = await repos.recordings.deliveryOfAnswer(answerId);
    const delivery = stored ? parseDelivery(stored) : null;
    job.progress('scoring', 1, 2);
    const evaluator = await ctx.evaluator.get();
    const result = await evaluator.evaluate(
      { ...questionScoreInput(row, row.transcription, row.over_time_seconds), delivery },
      await profileEvaluateOptions(ctx, row.user_id),
    );
    if (job.signal.aborted) return;
    await withRepositories(db, async (trx) => {
      await trx.answers.replaceFeedback(answerId, {
        id: ids(),
        scores: result.scores,
        strengths: result.strengths,
        improvements: result.improvements,
        feedbackText: result.feedbackText,
        confidence: result.confidence,
        engine: result.engineId,
        details: {
          ...result.details,
          engines: result.engines,
          semanticSimilarity: result.semanticSimilarity,
          semanticCoverage: result.semanticCoverage,
          idealWordsCovered: result.idealWordsCovered,
          synonymsMatched: result.synonymsMatched,
          grammarIssues: result.grammarIssues,
          sentiment: result.sentiment,
          ...(delivery && { delivery }),
        },
        createdAt: clock.now().toISOString(),
      });
      // Follow-ups scored before this answer (a retry, a re-score) count again.
      await creditFollowUps(trx, answerId);
    });
    await repos.sessions.refreshScore(row.session_id);
    job.progress('done', 2, 2);
    events.emit('answer.scored', { sessionId: row.session_id, answerId });
  };
});

function parseDelivery(json: string): DeliveryAnalytics | null {
  const parsed = deliveryAnalyticsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}
