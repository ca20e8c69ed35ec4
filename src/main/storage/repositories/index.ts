import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';
import { inTransaction } from '../transaction';
import { ProfileRepository } from './profile-repository';
import { QuestionBankRepository } from './question-bank-repository';
import { SettingsRepository } from './settings-repository';
import { RecordingRepository } from './recording-repository';
import { JobRepository } from './job-repository';
import { SessionRepository } from './session-repository';
import { AnswerRepository } from './answer-repository';
import { FollowUpRepository } from './follow-up-repository';
import { WrittenFeedbackRepository } from './written-feedback-repository';
import { ProgressRepository } from './progress-repository';

/**
 * Every repository, one per aggregate: the only code outside storage/ migrations that writes SQL
 * (docs/ARCHITECTURE.md). Services get them through their context; a transaction gets its own set,
 * bound to the transaction's connection.
 */
export interface Repositories {
  readonly profiles: ProfileRepository;
  readonly bank: QuestionBankRepository;
  readonly settings: SettingsRepository;
  readonly recordings: RecordingRepository;
  readonly jobs: JobRepository;
  readonly sessions: SessionRepository;
  readonly answers: AnswerRepository;
  readonly followUps: FollowUpRepository;
  readonly writtenFeedback: WrittenFeedbackRepository;
  readonly progress: ProgressRepository;
}

export function createRepositories(db: Kysely<DatabaseSchema>): Repositories {
  return {
    profiles: new ProfileRepository(db),
    bank: new QuestionBankRepository(db),
    settings: new SettingsRepository(db),
    recordings: new RecordingRepository(db),
    jobs: new JobRepository(db),
    sessions: new SessionRepository(db),
    answers: new AnswerRepository(db),
    followUps: new FollowUpRepository(db),
    writtenFeedback: new WrittenFeedbackRepository(db),
    progress: new ProgressRepository(db),
  };
}

/** Runs `work` in one transaction with repositories bound to it (see transaction.ts). */
export function withRepositories<T>(
  db: Kysely<DatabaseSchema>,
  work: (repos: Repositories) => Promise<T>,
): Promise<T> {
  return inTransaction(db, (trx) => work(createRepositories(trx)));
}
