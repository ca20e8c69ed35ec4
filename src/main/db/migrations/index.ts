import { migration0001CoreSchema } from './0001-core-schema';
import { migration0002SettingsAndJobs } from './0002-settings-and-jobs';
import { migration0003QuestionPacks } from './0003-question-packs';
import { migration0004SpeechRecordings } from './0004-speech-recordings';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [
  migration0001CoreSchema,
  migration0002SettingsAndJobs,
  migration0003QuestionPacks,
  migration0004SpeechRecordings,
];

export const LATEST_SCHEMA_VERSION = migrations.length;

export type { Migration } from './types';
