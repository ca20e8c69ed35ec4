// How follow-ups count towards the question's score. The question is credited with the better of
// its answer's own content score and the content score of the answer and its follow-up answers
// read together, so a follow-up can only help: it exists to let the candidate fill a gap, and an
// interviewer who asks "what was the result?" does not mark the first answer down for the reply.
// Only content changes (overall follows by its weight); communication, technical and relevance
// stay the first answer's. The original scores are kept in the feedback details, so re-scoring,
// the results screen and an export can always tell the two apart.
import type { Kysely } from 'kysely';
import { asObject, parseObject } from '../../platform/json';
import type { DatabaseSchema } from '../../storage/schema';
import { OVERALL_WEIGHTS } from '../../assessment/combine';

type Db = Kysely<DatabaseSchema>;

export interface ScoresBeforeFollowUps {
  readonly content: number;
  readonly overall: number;
}

/**
 * Applies (or withdraws) the follow-up credit on an answer's feedback row. Safe to call at any
 * time and in any order: after the answer is scored, and after each follow-up evaluation.
 */
export async function creditFollowUps(db: Db, answerId: string): Promise<void> {
  const feedback = await db
    .selectFrom('feedback')
    .select(['id', 'content_score', 'overall_score', 'details'])
    .where('answer_id', '=', answerId)
    .executeTakeFirst();
  if (!feedback) return; // the answer's own scoring will call this again when it is done
  const details = parseObject(feedback.details);
  const before = readBefore(details) ?? {
    content: feedback.content_score,
    overall: feedback.overall_score,
  };
  const best = await db
    .selectFrom('follow_up_evaluations as e')
    .innerJoin('follow_up_questions as f', 'f.id', 'e.follow_up_id')
    .select(({ fn }) => fn.max('e.combined_content_score').as('content'))
    .where('f.parent_answer_id', '=', answerId)
    .executeTakeFirst();
  const combined = best?.content ?? null;
  const credited = combined !== null && combined > before.content ? combined : null;
  const rest = { ...details };
  delete rest['beforeFollowUps'];
  await db
    .updateTable('feedback')
    .set(
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
    )
    .where('id', '=', feedback.id)
    .execute();
}

/** The answer's own scores, when a follow-up has raised them (null otherwise). */
export function readBefore(details: Record<string, unknown>): ScoresBeforeFollowUps | null {
  const b = asObject(details['beforeFollowUps']);
  return typeof b['content'] === 'number' && typeof b['overall'] === 'number'
    ? { content: b['content'], overall: b['overall'] }
    : null;
}
