import type { Handlers } from '../../shared/contract';
import type { JobQueue } from '../jobs/job-queue';
import type { BankService } from '../services/bank';
import type { InterviewService } from '../services/interviews';
import type { ProfileService } from '../services/profiles';
import type { ResultsService } from '../services/results';
import type { SettingsService } from '../services/settings';
import type { AdminService } from '../services/admin';
import type { PackStore } from '../packs/pack-store';
import { parsePackText } from '../packs/parse-pack';
import type { AppInfo } from '../../shared/contract';
import type { RecordingService } from '../speech/recording-service';
import { recordingHandlers } from '../speech/recording-handlers';

export interface HandlerServices {
  readonly info: () => AppInfo;
  readonly profiles: ProfileService;
  readonly bank: BankService;
  readonly interviews: InterviewService;
  readonly results: ResultsService;
  readonly jobs: JobQueue;
  readonly settings: SettingsService;
  readonly admin: AdminService;
  readonly packs: PackStore;
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
    'results.history': ({ profileId, limit, offset }) =>
      s.results.history(profileId, limit, offset),
    'jobs.get': ({ jobId }) => s.jobs.get(jobId),
    'jobs.cancel': ({ jobId }) => s.jobs.cancel(jobId),
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
    'packs.export': async ({ roleIds, packIds, questionIds, name }) => {
      const id = `export-${new Date().toISOString().slice(0, 10)}`;
      const pack = await s.packs.export(
        { roleIds, packIds, questionIds },
        { id, name: name ?? 'Exported questions' },
      );
      return {
        fileName: `${id}.rehearse-pack.json`,
        text: `${JSON.stringify(pack, null, 2)}\n`,
        questionCount: pack.questions.length,
      };
    },
    'packs.remove': async ({ adminPin, packId }) => {
      await s.admin.assertCanChangeBank(adminPin);
      return s.packs.remove(packId);
    },
    'admin.status': () => s.admin.status(),
    'admin.setup': ({ profileId, pin, currentPin }) => s.admin.setup(profileId, pin, currentPin),
    'admin.lockBank': ({ pin, locked }) => s.admin.lockBank(pin, locked),
    ...recordingHandlers(s.recordings),
  };
}
