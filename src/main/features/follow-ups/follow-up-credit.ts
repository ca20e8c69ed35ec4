// How follow-ups count towards the question's score. The question is credited with the better of
// its answer's own content score and the content score of the answer and its follow-up answers
// read together, so a follow-up can only help: it exists to let the candidate fill a gap, and an
// interviewer who asks "what was the result?" does not mark the first answer down for the reply.
// Only content changes (overall follows by its weight); communication, technical and relevance
// stay the first answer's. The original scores are kept in the feedback details, so re-scoring,
// the results screen and an export can always tell the two apart.
import { asObject, parseObject } from '../../platform/json';
import type { Repositories } from '../../storage/repositories';
import { OVERALL_WEIGHTS } from '../../assessment/combine';

export interface ScoresBeforeFollowUps {
  readonly content: number;
  readonly overall: number;
}

/**
 * Applies (or withdraws) the follow-up credit on an answer's feedback row. Safe to call at any
 * time and in any order: after the answer is scored, and after each follow-up evaluation.
 */
export async function creditFollowUps(repos: Repositories, answerId: string): Promise<void> {
  const feedback = await repos.answers.feedbackOf(answerId);
  if (!feedback) return; // the answer's own scoring will call this again when it is done
  const details = parseObject(feedback.details);
  const before = readBefore(details) ?? {
    content: feedback.content_score,
    overall: feedback.overall_score,
  };
  const combined = await repos.followUps.bestCombinedContent(answerId);
  const credited = combined !== null && combined > before.content ? combined : null;
  const rest = { ...details };
  delete rest['beforeFollowUps'];
  await repos.answers.setFeedbackScores(
    feedback.id,
    credited === null
      ? {
          content_score: before.content,
          overall_score: before.overall,
          details: JSON.stringify(rest),
        }
      : {
          content_score: credited,
          overall_score: Math.round(
            before.overall + OVERALL_WEIGHTS.content * (credited - before.content),
          ),
          details: JSON.stringify({ ...rest, beforeFollowUps: before }),
        },
  );
}

/** The answer's own scores, when a follow-up has raised them (null otherwise). */
export function readBefore(details: Record<string, unknown>): ScoresBeforeFollowUps | null {
  const b = asObject(details['beforeFollowUps']);
  return typeof b['content'] === 'number' && typeof b['overall'] === 'number'
    ? { content: b['content'], overall: b['overall'] }
    : null;
}
