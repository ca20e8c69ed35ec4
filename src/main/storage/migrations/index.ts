import { migration0001CoreSchema } from './0001-core-schema';
import { migration0002SettingsAndJobs } from './0002-settings-and-jobs';
import { migration0003QuestionPacks } from './0003-question-packs';
import { migration0004ProgressSummaries } from './0004-progress-summaries';
import { migration0005LlmFollowUpsAndWrittenFeedback } from './0005-llm-follow-ups-and-written-feedback';
import { migration0006SpeechRecordings } from './0006-speech-recordings';
import { migration0007QuestionsFtsOwnContent } from './0007-questions-fts-own-content';
import { migration0008GeneratedQuestions } from './0008-generated-questions';
import { migration0009FollowUpEvaluations } from './0009-follow-up-evaluations';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [
  migration0001CoreSchema,
  migration0002SettingsAndJobs,
  migration0003QuestionPacks,
  migration0004ProgressSummaries,
  migration0005LlmFollowUpsAndWrittenFeedback,
  migration0006SpeechRecordings,
  migration0007QuestionsFtsOwnContent,
  migration0008GeneratedQuestions,
  migration0009FollowUpEvaluations,
];

export const LATEST_SCHEMA_VERSION = migrations.length;

export type { Migration } from './types';
