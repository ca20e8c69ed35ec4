import type { Handlers } from '../../shared/contract';
import type { JobQueue } from '../jobs/job-queue';
import type { BankService } from '../features/bank/bank-service';
import type { QuestionSimilarity } from '../features/bank/question-similarity';
import type { InterviewService } from '../features/interviews/interview-service';
import type { ProfileService } from '../features/profiles/profile-service';
import type { ResultsService } from '../features/results/results-service';
import type { ProgressService } from '../features/progress/progress-service';
import type { ReportService } from '../features/reports/report-service';
import type { DataService } from '../features/your-data/data-service';
import type { SettingsService } from '../features/settings/settings-service';
import type { AdminService } from '../features/admin/admin-service';
import type { PackStore } from '../features/bank/pack-store';
import { parsePackText } from '../features/bank/parse-pack';
import type { FileExports } from '../features/exports/file-exports';
import type { ModelDownloads } from '../features/models/downloads';
import { JOB_TYPES } from '../jobs/job-types';
import { modelHandlers } from '../features/models/model-handlers';
import type { ModelService } from '../features/models/model-service';
import type { AppInfo, LlmStatusInfo, WrittenFeedback } from '../../shared/contract';
import type { RecordingService } from '../features/recording/recording-service';
import { recordingHandlers } from '../features/recording/recording-handlers';

export interface HandlerServices {
  readonly info: () => AppInfo;
  readonly profiles: ProfileService;
  readonly bank: BankService;
  readonly similarity: QuestionSimilarity;
  readonly interviews: InterviewService;
  readonly results: ResultsService;
  readonly progress: ProgressService;
  readonly reports: ReportService;
  readonly files: FileExports;
  readonly data: DataService;
  readonly jobs: JobQueue;
  readonly settings: SettingsService;
  readonly admin: AdminService;
  readonly packs: PackStore;
  readonly models: ModelService;
  readonly modelDownloads: ModelDownloads;
  readonly writtenFeedback: (profileId: string, sessionId: string) => Promise<WrittenFeedback>;
  readonly rewriteFeedback: (profileId: string, sessionId: string) => Promise<{ jobId: string }>;
  readonly llmStatus: () => LlmStatusInfo;
  readonly recordings: RecordingService;
}

/** The implementation of the whole contract: thin adapters from parsed input to services. */
export function createHandlers(s: HandlerServices): Handlers {
  return {
    'app.info': async () => s.info(),
    'profiles.list': () => s.profiles.list(),
    'profiles.get': ({ profileId }) => s.profiles.get(profileId),
    'profiles.create': (input) => s.profiles.create(input),
    'profiles.update': (input) => s.profiles.update(input),
    'bank.roles': () => s.bank.roles(),
    'bank.questions': ({ roleId, level }) => s.bank.questions(roleId, level),
    'bank.similar': ({ questionId, limit }) => s.similarity.similar(questionId, limit),
    'bank.answeredSimilar': (input) => s.similarity.answeredSimilar(input),
    'interviews.create': (input) => s.interviews.create(input),
    'interviews.get': (input) => s.interviews.get(input),
    'interviews.resumable': ({ profileId }) => s.interviews.resumable(profileId),
    'interviews.start': (input) => s.interviews.start(input),
    'interviews.saveDraft': (input) => s.interviews.saveDraft(input),
    'interviews.answer': (input) => s.interviews.answer(input),
    'interviews.skip': (input) => s.interviews.skip(input),
    'interviews.end': (input) => s.interviews.end(input),
    'interviews.abandon': (input) => s.interviews.abandon(input),
    'results.session': ({ profileId, sessionId }) => s.results.session(profileId, sessionId),
    'results.history': ({ profileId, limit, offset, ...filter }) =>
      s.results.history(profileId, limit, offset, filter),
    'jobs.get': ({ jobId }) => s.jobs.get(jobId),
    'jobs.cancel': async ({ jobId }) =>
      (await s.jobs.get(jobId)).type === JOB_TYPES.modelDownload.type
        ? s.modelDownloads.cancelJob(jobId)
        : s.jobs.cancel(jobId),
    'settings.get': ({ profileId }) => s.settings.get(profileId),
    'settings.update': ({ profileId, ...changes }) => s.settings.update(profileId, changes),
    'bank.question': ({ questionId }) => s.bank.question(questionId),
    'bank.search': (input) => s.bank.search(input),
    'bank.saveQuestion': async ({ adminPin, question }) => {
      await s.admin.assertCanChangeBank(adminPin);
      return s.bank.saveQuestion(question);
    },
    'bank.deleteQuestion': async ({ adminPin, questionId }) => {
      await s.admin.assertCanChangeBank(adminPin);
      return s.bank.deleteQuestion(questionId);
    },
    'packs.list': () => s.packs.list(),
    'packs.preview': async ({ text, mode }) =>
      s.packs.preview(parsePackText(text, 'The pack file'), mode),
    'packs.import': async ({ adminPin, text, mode }) => {
      await s.admin.assertCanChangeBank(adminPin);
      return s.packs.import(parsePackText(text, 'The pack file'), mode);
    },
    'packs.export': (input) => s.files.packText(input),
    'packs.remove': async ({ adminPin, packId }) => {
      await s.admin.assertCanChangeBank(adminPin);
      return s.packs.remove(packId);
    },
    'admin.status': () => s.admin.status(),
    'admin.setup': ({ profileId, pin, currentPin }) => s.admin.setup(profileId, pin, currentPin),
    'admin.lockBank': ({ pin, locked }) => s.admin.lockBank(pin, locked),
    ...modelHandlers(s.models, s.modelDownloads),
    'progress.stats': ({ profileId }) => s.progress.stats(profileId),
    'progress.chart': ({ profileId, ...range }) => s.progress.chart(profileId, range),
    'progress.repeatedQuestions': ({ profileId, limit }) =>
      s.progress.repeatedQuestions(profileId, limit),
    'progress.attempts': (input) => s.progress.attempts(input),
    'reports.sessionPdf': ({ profileId, sessionId }) => s.reports.sessionPdf(profileId, sessionId),
    'reports.progressPdf': ({ profileId, from, to }) => s.reports.progressPdf(profileId, from, to),
    'data.export': ({ profileId }) => s.data.exportProfile(profileId),
    'data.deleteSession': ({ profileId, sessionId }) => s.data.deleteSession(profileId, sessionId),
    'data.deleteProfile': ({ profileId, confirmName }) =>
      s.data.deleteProfile(profileId, confirmName),
    'feedback.written': ({ profileId, sessionId }) => s.writtenFeedback(profileId, sessionId),
    'feedback.rewrite': ({ profileId, sessionId }) => s.rewriteFeedback(profileId, sessionId),
    'llm.status': async () => s.llmStatus(),
    ...recordingHandlers(s.recordings),
  };
}
