import type { Handlers } from '../../../shared/contract';
import type { ModelDownloads } from './downloads';
import type { ModelService } from './model-service';

type ModelHandlerName = Extract<keyof Handlers, `models.${string}`>;

/** The `models.*` part of the contract, kept here so handlers.ts only spreads it in. */
export function modelHandlers(
  models: ModelService,
  downloads: ModelDownloads,
): Pick<Handlers, ModelHandlerName> {
  const ok = { ok: true } as const;
  return {
    'models.list': () => models.list(),
    'models.download': ({ modelId }) => downloads.start(modelId),
    'models.pause': async ({ modelId }) => (await downloads.pause(modelId), ok),
    'models.resume': ({ modelId }) => downloads.start(modelId),
    'models.cancel': async ({ modelId }) => (await downloads.cancel(modelId), ok),
    'models.import': ({ path, kind }) => models.importFrom(path, kind),
    'models.verify': () => models.verify(),
    'models.delete': async ({ modelId }) => (await models.delete(modelId), ok),
    'models.setActive': async ({ kind, modelId }) => (await models.setActive(kind, modelId), ok),
  };
}
