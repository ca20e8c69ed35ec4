import type { SessionResults } from '../../shared/contract';
import type { TestApp } from './test-app';

export interface CompleteSessionOptions {
  readonly roleId?: string;
  readonly level?: 'entry' | 'intermediate' | 'senior';
  /** One typed answer per question, in order; null skips that question. */
  readonly answers: readonly (string | null)[];
  readonly seed?: number;
  /** Practise exactly these questions. */
  readonly questionIds?: readonly string[];
  /** Seconds the fake clock moves before each answer. */
  readonly secondsPerAnswer?: number;
}

/** Runs a whole interview through the handlers, waits for scoring and returns its results. */
export async function completeSession(
  app: TestApp,
  profileId: string,
  options: CompleteSessionOptions,
): Promise<SessionResults> {
  const created = await app.call('interviews.create', {
    profileId,
    roleId: options.roleId ?? 'software-engineer',
    level: options.level ?? 'entry',
    questionCount: options.answers.length,
    seed: options.seed ?? 7,
    ...(options.questionIds && { questionIds: [...options.questionIds] }),
  });
  let state = await app.call('interviews.start', { profileId, sessionId: created.id });
  for (const text of options.answers) {
    const question = state.currentQuestion;
    if (!question) break;
    app.clock.advance(options.secondsPerAnswer ?? 60);
    const ref = { profileId, sessionId: created.id, questionId: question.id };
    state =
      text === null
        ? await app.call('interviews.skip', ref)
        : (await app.call('interviews.answer', { ...ref, text })).session;
  }
  if (state.status !== 'completed')
    await app.call('interviews.end', { profileId, sessionId: created.id });
  await app.jobs.whenIdle();
  return app.call('results.session', { profileId, sessionId: created.id });
}
