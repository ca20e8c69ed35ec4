import path from 'node:path';
import type { AppInfo } from '../../shared/contract';
import { builtinPackJson } from '../bank/builtin-packs';
import { parsePackJson } from '../packs/parse-pack';
import { PackStore } from '../packs/pack-store';
import { AdminService } from '../services/admin';
import { randomIds, systemClock, type Clock, type IdGenerator } from '../core/clock';
import { EventBus } from '../core/event-bus';
import { DATABASE_FILE, openDatabase, type AppDatabase } from '../db/open-database';
import { readSchemaVersion } from '../db/migrate';
import { JobQueue } from '../jobs/job-queue';
import {
  createEvaluatorProvider,
  findEmbeddingModel,
  type EngineOptions,
} from '../evaluation/engines';
import { BankService } from '../services/bank';
import type { ServiceContext } from '../services/context';
import { InterviewService } from '../services/interviews';
import { ProfileService } from '../services/profiles';
import { ResultsService } from '../services/results';
import { scoreAnswerJob } from '../services/scoring-job';
import { SettingsService } from '../services/settings';
import { HandlerRegistry } from '../transport/registry';
import { createHandlers } from './handlers';
import { RecordingService } from '../speech/recording-service';
import { resolveSpeechModels, type SpeechModelPaths } from '../speech/model-paths';
import { SpeechEngine } from '../speech/speech-pipeline';
import { transcribeRecordingJob } from '../speech/transcription-job';

export const APP_VERSION = '0.1.0';

export interface RehearseAppOptions {
  /** Folder for the database and recordings; ignored when `databaseLocation` is ':memory:'. */
  readonly dataDir: string;
  /** Defaults to `<dataDir>/rehearse.db`; ':memory:' for tests. */
  readonly databaseLocation?: string;
  readonly transport: AppInfo['transport'];
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Which optional engines to use; default: all that are installed. */
  readonly engines?: EngineOptions;
  /** Defaults to the built-in bank; tests of pack handling may start with fewer. */
  readonly builtinPacks?: readonly unknown[];
  /** Speech models; default: --model-style lookup in env and <dataDir>/models (model-paths.ts). */
  readonly speechModels?: SpeechModelPaths;
}

export interface RehearseApp {
  readonly registry: HandlerRegistry;
  readonly events: EventBus;
  readonly jobs: JobQueue;
  readonly context: ServiceContext;
  readonly database: AppDatabase;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** Opens the data, wires every service and registers the whole contract. Plain Node: no Electron. */
export async function startRehearse(options: RehearseAppOptions): Promise<RehearseApp> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const database = openDatabase(
    options.databaseLocation ?? path.join(options.dataDir, DATABASE_FILE),
    clock,
  );
  const events = new EventBus();
  const jobs = new JobQueue(database.db, clock, ids, events);
  const evaluator = createEvaluatorProvider(
    options.engines ?? {
      embeddingModelDir: findEmbeddingModel(options.dataDir),
      grammar: true,
      linguistics: true,
    },
    async () =>
      (
        await database.db
          .selectFrom('questions')
          .select(['job_role_id', 'ideal_answer'])
          .where('retired_at', 'is', null)
          .execute()
      ).map((q) => ({
        roleId: q.job_role_id,
        idealAnswer: q.ideal_answer,
      })),
  );
  const context: ServiceContext = { db: database.db, clock, ids, events, jobs, evaluator };
  jobs.define(scoreAnswerJob(context));
  // Speech models load in their own process on first use; with none installed, recording and
  // delivery analytics still work and answers are typed.
  const speechModels = options.speechModels ?? findSpeechModels(options.dataDir);
  const speech = speechModels.whisper || speechModels.vad ? new SpeechEngine(speechModels) : null;
  jobs.define(transcribeRecordingJob(context, options.dataDir, () => speech));
  const recordings = new RecordingService(context, options.dataDir, () => speech);

  const packs = new PackStore(context);
  await packs.installBuiltin(
    (options.builtinPacks ?? builtinPackJson).map((json, i) =>
      parsePackJson(json, `built-in pack #${i + 1}`),
    ),
  );
  const bank = new BankService(context, packs);

  const registry = new HandlerRegistry();
  registry.registerHandlers(
    createHandlers({
      info: () => ({
        version: APP_VERSION,
        dataDir: options.dataDir,
        schemaVersion: readSchemaVersion(database.sqlite),
        scorer: evaluator.currentId(),
        transport: options.transport,
      }),
      profiles: new ProfileService(context),
      bank,
      interviews: new InterviewService(context),
      results: new ResultsService(context),
      jobs,
      settings: new SettingsService(context),
      admin: new AdminService(context),
      packs,
      recordings,
    }),
  );
  const missing = registry.missing();
  if (missing.length > 0) throw new Error(`handlers missing for: ${missing.join(', ')}`);
  await recordings.repairInterrupted();
  await recordings.sweepExpired();
  await jobs.start();

  return {
    registry,
    events,
    jobs,
    context,
    database,
    dataDir: options.dataDir,
    close: async () => {
      recordings.closeAll();
      await jobs.stop();
      await speech?.dispose();
      await evaluator.dispose();
      await database.close();
    },
  };
}

/** A misconfigured model path must not stop the app: it starts without speech recognition. */
function findSpeechModels(dataDir: string): SpeechModelPaths {
  try {
    return resolveSpeechModels({ dataDir });
  } catch (error) {
    console.warn(`Rehearse: ${error instanceof Error ? error.message : String(error)}`);
    return { whisper: null, vad: null };
  }
}
