import path from 'node:path';
import type { AppInfo } from '../../shared/contract';
import { builtinPackJson } from '../features/bank/builtin-packs';
import { parsePackJson, type ParsedPack } from '../features/bank/parse-pack';
import { PackStore } from '../features/bank/pack-store';
import { AdminService } from '../features/admin/admin-service';
import { randomIds, systemClock, type Clock, type IdGenerator } from '../platform/clock';
import { EventBus } from '../platform/event-bus';
import { acquireDataLock, type DataLock } from '../storage/data-lock';
import { openDatabase, type AppDatabase } from '../storage/open-database';
import { createRepositories } from '../storage/repositories';
import { DATABASE_FILE } from '../platform/data-dir';
import { readSchemaVersion } from '../storage/migrate';
import { JobQueue } from '../jobs/job-queue';
import { typesOf } from '../jobs/job-types';
import { registerJobs } from './job-registry';
import {
  createEvaluatorProvider,
  grammarFromEnv,
  findEmbeddingModel,
  type EngineOptions,
} from '../assessment/evaluator-provider';
import { BankService } from '../features/bank/bank-service';
import type { ServiceContext } from '../features/service-context';
import { InterviewService } from '../features/interviews/interview-service';
import { ProfileService } from '../features/profiles/profile-service';
import { ResultsService } from '../features/results/results-service';
import { ProgressService } from '../features/progress/progress-service';
import { ReportService } from '../features/reports/report-service';
import { FileExports } from '../features/exports/file-exports';
import { DataService } from '../features/your-data/data-service';
import { SettingsService } from '../features/settings/settings-service';
import { HandlerRegistry } from './handler-registry';
import { QuestionSimilarity } from '../features/bank/question-similarity';
import { createHandlers } from './handlers';
import type { ModelManifest } from '../../shared/contract/models';
import { ModelDownloads, type DownloadTuning } from '../features/models/downloads';
import { ModelService } from '../features/models/model-service';
import type { MachineInfo } from '../engines/models/recommend';
import { LlmService, type LlmServiceOptions } from '../engines/llm/llm-service';
import { duplicateCheck } from '../features/question-generation/question-dedup';
import {
  readWrittenFeedback,
  rewriteWrittenFeedback,
} from '../features/written-feedback/written-feedback-service';
import { RecordingService } from '../features/recording/recording-service';
import { resolveSpeechModels, type SpeechModelPaths } from '../engines/speech/model-paths';
import { SpeechEngine } from '../engines/speech/speech-pipeline';

export const APP_VERSION = '0.1.0';

export interface RehearseAppOptions {
  /** Folder for the database and recordings; ignored when `databaseLocation` is ':memory:'. */
  readonly dataDir: string;
  /** Defaults to `<dataDir>/rehearse.db`; ':memory:' for tests. */
  readonly databaseLocation?: string;
  /** An in-memory database starts as a copy of this serialized one (tests: a seeded snapshot). */
  readonly databaseImage?: Buffer;
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
  const database = openDatabase(databaseLocation, clock, { image: options.databaseImage });
  const events = new EventBus();
  // One queue for the main lane with the LLM lanes beside it, and one for model downloads: the
  // lanes are declared with each job type (jobs/job-types.ts).
  const jobs = new JobQueue(database.db, clock, ids, events, {
    except: typesOf(['model-download']),
    separate: [typesOf(['question-generation']), typesOf(['llm-follow-up'])],
  });
  const modelJobs = new JobQueue(database.db, clock, ids, events, {
    only: typesOf(['model-download']),
  });
  const repos = createRepositories(database.db);
  const evaluator = createEvaluatorProvider(
    options.engines ?? {
      embeddingModelDir: () => findEmbeddingModel(options.dataDir),
      grammar: grammarFromEnv(),
      linguistics: true,
    },
    async () =>
      (await repos.bank.activeQuestions({ includeGenerated: true })).map((q) => ({
        roleId: q.job_role_id,
        idealAnswer: q.ideal_answer,
      })),
  );
  const context: ServiceContext = {
    db: database.db,
    repos,
    clock,
    ids,
    events,
    jobs,
    evaluator,
  };
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
  const llm = new LlmService({ dataDir: options.dataDir, ...options.llm });
  const similarity = new QuestionSimilarity(context, path.join(options.dataDir, 'indexes'));
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
  registerJobs(
    { jobs, modelJobs },
    {
      ctx: context,
      dataDir: options.dataDir,
      llm,
      isDuplicate: duplicateCheck(context, similarity),
      speech: currentSpeech,
      modelDownloads,
    },
  );
  const recordings = new RecordingService(context, options.dataDir, currentSpeech);

  const packs = new PackStore(context);
  await packs.installBuiltin(
    options.builtinPacks ? parseBuiltinPacks(options.builtinPacks) : bundledBank(),
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
        engineProblems: evaluator.problems(),
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

function parseBuiltinPacks(packs: readonly unknown[]): ParsedPack[] {
  return packs.map((json, i) => parsePackJson(json, `built-in pack #${i + 1}`));
}

// The bundled bank never changes while the process runs, and validating it is most of a start
// on an installed database (tests start many apps in one process): parsed once.
let bundled: ParsedPack[] | null = null;
function bundledBank(): ParsedPack[] {
  return (bundled ??= parseBuiltinPacks(builtinPackJson));
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
