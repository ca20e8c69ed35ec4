// Storage side of generated interview questions: the pack they live in, appending one to a
// session's plan (only where the candidate has not got to yet), and the session's generation
// status. Kept apart from the job so the interview service can name the job without loading
// the LLM code.
import type { Kysely } from 'kysely';
import type { GenerationStatus } from '../../../shared/contract/interviews';
import type { Clock, IdGenerator } from '../../platform/clock';
import type { DatabaseSchema } from '../../storage/schema';
import { withRepositories } from '../../storage/repositories';
import type { SessionRepository } from '../../storage/repositories/session-repository';
import type { GeneratedQuestion } from './question-generator';

/** The pack generated questions belong to (every question needs one); made on first use. */
export const GENERATED_PACK = 'generated-questions';

/** A generated question answers in the same time a bank question of its type would. */
const TIME_LIMIT_SECONDS = 120;

type Db = Kysely<DatabaseSchema>;

export async function setGeneration(
  sessions: SessionRepository,
  clock: Clock,
  sessionId: string,
  status: GenerationStatus,
  note: string | null,
): Promise<void> {
  await sessions.setGeneration(sessionId, status, note, clock.now().toISOString());
}

export type AppendOutcome =
  | { readonly added: true; readonly questionId: string; readonly totalQuestions: number }
  | { readonly added: false; readonly why: string };

/**
 * Stores the question (source 'generated', with the engine that wrote it) and appends it to the
 * plan, in one transaction that re-reads the session: a question is never put where the
 * candidate already is or has been, nor into an interview that has ended.
 */
export async function appendGeneratedQuestion(
  db: Db,
  clock: Clock,
  ids: IdGenerator,
  sessionId: string,
  question: GeneratedQuestion,
  skills: readonly string[],
): Promise<AppendOutcome> {
  return withRepositories(db, async ({ bank, sessions }) => {
    const s = await sessions.planState(sessionId);
    if (!s) return { added: false, why: 'the interview was deleted' };
    if (s.status !== 'pending' && s.status !== 'active')
      return { added: false, why: `the interview was ${s.status} before the questions were ready` };
    if (s.status === 'active' && s.current_position >= s.total_questions)
      return { added: false, why: 'the candidate had already reached the end of the interview' };
    if (s.requested_questions !== null && s.total_questions >= s.requested_questions)
      return { added: false, why: 'the interview already has every question asked for' };
    const now = clock.now().toISOString();
    await bank.ensureInternalPack(
      {
        id: GENERATED_PACK,
        name: 'Generated questions',
        description: 'Questions the local language model wrote for interviews.',
      },
      now,
    );
    const questionId = `gen-${ids()}`;
    await bank.insertGeneratedQuestion({
      id: questionId,
      pack_id: GENERATED_PACK,
      content: question.question,
      type: question.type,
      difficulty: s.difficulty_level,
      difficulty_rank: 3,
      job_role_id: s.job_role_id,
      // The skill it asks about (the badge, not the category, says it was generated).
      category: skills[0] ?? '',
      skills: JSON.stringify(skills),
      expected_keywords: JSON.stringify(question.expected_keywords),
      keyword_synonyms: '{}',
      ideal_answer: question.ideal_answer,
      rubric: JSON.stringify(question.rubric),
      follow_ups: '[]',
      time_limit_seconds: TIME_LIMIT_SECONDS,
      generated_by: question.source,
      created_at: now,
      updated_at: now,
    });
    await sessions.appendToPlan(sessionId, s.total_questions, questionId, now);
    return { added: true, questionId, totalQuestions: s.total_questions + 1 };
  });
}
