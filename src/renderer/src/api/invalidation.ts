import type { EventName, EventPayload, HandlerName } from '../../../shared/contract';

/** Which queries an event makes out of date, optionally only for some of its payloads. */
export interface EventRule<E extends EventName = EventName> {
  readonly queries: readonly HandlerName[];
  readonly when?: (payload: EventPayload<E>) => boolean;
}

type EventRules = { readonly [E in EventName]?: EventRule<E> };

const PROGRESS: readonly HandlerName[] = [
  'progress.stats',
  'progress.chart',
  'progress.repeatedQuestions',
  'progress.attempts',
];

/** Everything that shows sessions and their scores. */
const SESSIONS: readonly HandlerName[] = [
  'interviews.get',
  'interviews.resumable',
  'results.session',
  'results.history',
  ...PROGRESS,
];

/** Everything that shows the bank's questions, roles and packs. */
const BANK: readonly HandlerName[] = [
  'bank.roles',
  'bank.questions',
  'bank.question',
  'bank.similar',
  'bank.search',
  'bank.answeredSimilar',
  'packs.list',
];

/**
 * Pushes from the services that change what a query would answer. An event that names a session
 * only touches that session's queries (see QueryCache.handleEvent).
 */
export const EVENT_INVALIDATIONS: EventRules = {
  // Scoring runs in the background: results, history and progress show the new score.
  // The first scoring loads the engines: app.info then knows which failed to load.
  'answer.scored': { queries: ['results.session', 'results.history', ...PROGRESS, 'app.info'] },
  'feedback.written': { queries: ['feedback.written'] },
  // The LLM reworded a pending follow-up, or appended generated questions to the plan.
  'followup.updated': { queries: ['interviews.get'] },
  'interview.plan': { queries: ['interviews.get', 'interviews.resumable'] },
  'job.finished': { queries: ['models.list'], when: (job) => job.type === 'model-download' },
  // Events sent while the background process was down are lost: reload what may have changed.
  'backend.restarted': {
    queries: [...SESSIONS, ...BANK, 'feedback.written', 'models.list', 'profiles.list', 'app.info'],
  },
};

/** What each change made through the renderer makes out of date, once it has succeeded. */
export const MUTATION_INVALIDATIONS: { readonly [K in HandlerName]?: readonly HandlerName[] } = {
  'profiles.create': ['profiles.list'],
  'profiles.update': ['profiles.list', 'profiles.get'],
  'settings.update': ['settings.get'],
  // The reply of answer/skip is the session's new state: the interview screen stores it itself.
  'interviews.create': ['interviews.resumable', 'results.history'],
  'interviews.answer': ['interviews.resumable'],
  'interviews.skip': ['interviews.resumable'],
  'interviews.end': SESSIONS,
  'interviews.abandon': SESSIONS,
  'data.deleteSession': SESSIONS,
  'data.deleteProfile': ['profiles.list'],
  'feedback.rewrite': ['feedback.written'],
  'bank.saveQuestion': BANK,
  'bank.deleteQuestion': BANK,
  'packs.import': BANK,
  'packs.remove': BANK,
  'admin.setup': ['admin.status'],
  'admin.lockBank': ['admin.status'],
  'models.download': ['models.list'],
  'models.resume': ['models.list'],
  'models.pause': ['models.list'],
  'models.cancel': ['models.list'],
  'models.import': ['models.list'],
  'models.delete': ['models.list'],
  'models.setActive': ['models.list'],
};
