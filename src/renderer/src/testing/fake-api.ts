import type {
  EventName,
  EventPayload,
  HandlerName,
  Input,
  Output,
  RehearseApi,
} from '../../../shared/contract';
import { ApiError } from '../api/client';

export type FakeHandlers = {
  [K in HandlerName]?: (input: Input<K>) => Output<K> | Promise<Output<K>>;
};

export interface FakeApi extends RehearseApi {
  /** Every call made, in order, with the input as given. */
  readonly calls: { name: HandlerName; input: unknown }[];
  callsTo<K extends HandlerName>(name: K): Input<K>[];
  /** Pushes an event to every listener, as the services would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/**
 * A stand-in for the services in component tests: the handlers a test names answer, any other
 * call fails the way an unknown handler would. The e2e suite covers the real services.
 */
export function createFakeApi(handlers: FakeHandlers): FakeApi {
  const calls: { name: HandlerName; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    calls,
    callsTo: <K extends HandlerName>(name: K) =>
      calls.filter((c) => c.name === name).map((c) => c.input as Input<K>),
    async invoke<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> {
      calls.push({ name, input });
      const handler = handlers[name] as ((input: Input<K>) => Output<K>) | undefined;
      if (!handler) throw new ApiError('NOT_FOUND', `no fake answer for ${name}`);
      return handler(input);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
