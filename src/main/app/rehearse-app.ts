import path from 'node:path';
import type { AppInfo } from '../../shared/contract';
import { builtinPackJson } from '../bank/builtin-packs';
import { parsePackJson } from '../packs/parse-pack';
import { PackStore } from '../packs/pack-store';
import { AdminService } from '../services/admin';
import { randomIds, systemClock, type Clock, type IdGenerator } from '../core/clock';
import { EventBus } from '../core/event-bus';
import { acquireDataLock, type DataLock } from '../core/data-lock';
import { DATABASE_FILE, openDatabase, type AppDatabase } from '../db/open-database';
import { readSchemaVersion } from '../db/migrate';
import { JobQueue } from '../jobs/job-queue';
import {
  createEvaluatorProvider,
  grammarFromEnv,
  findEmbeddingModel,
  type EngineOptions,
} from '../evaluation/engines';
import { BankService } from '../services/bank';
import type { ServiceContext } from '../services/context';
import { InterviewService } from '../services/interviews';
import { ProfileService } from '../services/profiles';
import { ResultsService } from '../services/results';
import { ProgressService } from '../services/progress';
import { ReportService } from '../reports/report-service';
import { FileExports } from '../files/file-exports';
import { DataService } from '../data/data-service';
import { scoreAnswerJob } from '../services/scoring-job';
import { SettingsService } from '../services/settings';
import { HandlerRegistry } from '../transport/registry';
import { QuestionSimilarity } from '../services/question-similarity';
import { createHandlers } from './handlers';
import type { ModelManifest } from '../../shared/contract/models';
import { MODEL_DOWNLOAD_JOB, ModelDownloads, type DownloadTuning } from '../models/downloads';
import { ModelService } from '../models/model-service';
import type { MachineInfo } from '../models/recommend';
import { LlmService, type LlmServiceOptions } from '../llm/llm-service';
import { llmFollowUpJob } from '../followups/llm-follow-up-job';
import { LLM_FOLLOW_UP_JOB } from '../followups/follow-up-store';
import { scoreFollowUpJob } from '../followups/score-follow-up-job';
import { writtenFeedbackJob } from '../feedback/written-feedback-job';
import { GENERATE_QUESTIONS_JOB } from '../generation/generation-state';
import { questionGenerationJob } from '../generation/question-generation-job';
import { duplicateCheck } from '../generation/question-dedup';
import { readWrittenFeedback, rewriteWrittenFeedback } from '../feedback/written-feedback-service';
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
  /** Model manager overrides (tests: a manifest pointing at a local server, fast retries). */
  readonly models?: {
    readonly manifest?: ModelManifest;
    readonly env?: NodeJS.ProcessEnv;
    readonly machine?: MachineInfo;
    readonly tuning?: DownloadTuning;
  };
  /** The local LLM; default: whatever model findLlmModel finds, looked up on every use. */
  readonly llm?: Omit<LlmServiceOptions, 'dataDir'>;
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
  readonly models: ModelService;
  /** The queue model downloads run on (beside `jobs`, which scores answers). */
  readonly modelJobs: JobQueue;
  readonly llm: LlmService;
  /** Exports the desktop shell streams to a file the person chose. */
  readonly files: FileExports;
  /** This process's hold on the data folder; null for an in-memory database. */
  readonly dataLock: DataLock | null;
  close(): Promise<void>;
}

/**
 * Opens the data, wires every service and registers the whole contract. Plain Node: no Electron.
 * Refuses (CONFLICT) a data folder another process or start already owns.
 */
export async function startRehearse(options: RehearseAppOptions): Promise<RehearseApp> {
  const databaseLocation = options.databaseLocation ?? path.join(options.dataDir, DATABASE_FILE);
  // Taken before the database is opened: starting requeues running jobs and marks open
  // recordings interrupted, which only the folder's one owner may do.
  const dataLock =
    databaseLocation === ':memory:'
      ? null
      : acquireDataLock(path.dirname(path.resolve(databaseLocation)), {
          transport: options.transport,
        });
  try {
    return await startOwned(options, databaseLocation, dataLock);
  } catch (error) {
    dataLock?.release();
    throw error;
  }
}

async function startOwned(
  options: RehearseAppOptions,
  databaseLocation: string,
  dataLock: DataLock | null,
): Promise<RehearseApp> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const database = openDatabase(databaseLocation, clock);
  const events = new EventBus();
  // Model downloads get their own queue so a long download never holds up answer scoring.
  // Generating questions (many seconds per question on a CPU) and wording follow-ups get lanes
  // of their own, so neither holds up scoring or the other (the LLM worker still runs one request
  // at a time). Written feedback stays in the main lane: it must run after the session's scoring.
  const jobs = new JobQueue(database.db, clock, ids, events, {
    except: [MODEL_DOWNLOAD_JOB],
    separate: [[GENERATE_QUESTIONS_JOB], [LLM_FOLLOW_UP_JOB]],
  });
  const modelJobs = new JobQueue(database.db, clock, ids, events, { only: [MODEL_DOWNLOAD_JOB] });
  const evaluator = createEvaluatorProvider(
    options.engines ?? {
      embeddingModelDir: () => findEmbeddingModel(options.dataDir),
      grammar: grammarFromEnv(),
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
  jobs.define(scoreFollowUpJob(context));
  const models = new ModelService({
    dataDir: options.dataDir,
    clock,
    ...(options.models?.manifest && { manifest: options.models.manifest }),
    ...(options.models?.env && { env: options.models.env }),
    ...(options.models?.machine && { machine: options.models.machine }),
  });
  const modelDownloads = new ModelDownloads(
    { ...context, jobs: modelJobs },
    models,
    options.models?.tuning,
  );
  models.attachDownloads(modelDownloads);
  modelJobs.define(modelDownloads.definition());
  const llm = new LlmService({ dataDir: options.dataDir, ...options.llm });
  jobs.define(llmFollowUpJob(context, llm));
  jobs.define(writtenFeedbackJob(context, llm));
  const similarity = new QuestionSimilarity(context, path.join(options.dataDir, 'indexes'));
  jobs.define(questionGenerationJob(context, llm, duplicateCheck(context, similarity)));
  // Speech models load in their own process on first use; with none installed, recording and
  // delivery analytics still work and answers are typed.
  // Looked up again on each use, so a model installed or removed in the model manager counts
  // from the next recording on; the old engine's process is stopped when the model changes.
  let speech: SpeechEngine | null = null;
  let speechKey = '';
  const currentSpeech = (): SpeechEngine | null => {
    const paths = options.speechModels ?? findSpeechModels(options.dataDir);
    const key = `${paths.whisper ?? ''}|${paths.vad ?? ''}`;
    if (key !== speechKey) {
      void speech?.dispose().catch(() => undefined);
      speech = paths.whisper || paths.vad ? new SpeechEngine(paths) : null;
      speechKey = key;
    }
    return speech;
  };
  jobs.define(transcribeRecordingJob(context, options.dataDir, currentSpeech));
  const recordings = new RecordingService(context, options.dataDir, currentSpeech);

  const packs = new PackStore(context);
  await packs.installBuiltin(
    (options.builtinPacks ?? builtinPackJson).map((json, i) =>
      parsePackJson(json, `built-in pack #${i + 1}`),
    ),
  );
  const bank = new BankService(context, packs);

  const profiles = new ProfileService(context);
  const results = new ResultsService(context);
  const progress = new ProgressService(context);
  const settings = new SettingsService(context);

  const reports = new ReportService(context, { profiles, results, progress });
  const data = new DataService(context, options.dataDir, { profiles, results, settings });
  const files = new FileExports({ reports, data, packs }, () => clock.now());

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
      profiles,
      bank,
      similarity,
      interviews: new InterviewService(context, () => llm.modelPath() !== null),
      results,
      progress,
      reports,
      files,
      data,
      jobs,
      settings,
      admin: new AdminService(context),
      packs,
      models,
      modelDownloads,
      writtenFeedback: (profileId, sessionId) => readWrittenFeedback(context, profileId, sessionId),
      rewriteFeedback: (profileId, sessionId) =>
        rewriteWrittenFeedback(context, profileId, sessionId),
      llmStatus: () => llm.status(),
      recordings,
    }),
  );
  const missing = registry.missing();
  if (missing.length > 0) throw new Error(`handlers missing for: ${missing.join(', ')}`);
  await recordings.repairInterrupted();
  await recordings.sweepExpired();
  await jobs.start();
  await modelJobs.start();

  return {
    registry,
    events,
    jobs,
    context,
    database,
    dataDir: options.dataDir,
    models,
    modelJobs,
    llm,
    files,
    dataLock,
    close: async () => {
      await modelJobs.stop();
      await jobs.stop();
      await llm.dispose();
      recordings.closeAll();
      await jobs.stop();
      await speech?.dispose();
      await evaluator.dispose();
      await database.close();
      dataLock?.release();
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
