import type {
  EventName,
  EventPayload,
  HandlerName,
  Input,
  Output,
  RehearseApi,
} from '../../../shared/contract';
import { EVENT_INVALIDATIONS, MUTATION_INVALIDATIONS, type EventRule } from './invalidation';

/** What a screen sees of one query: the latest answer, the latest failure, and whether a request is out. */
export interface QuerySnapshot<T = unknown> {
  /** Kept while a refetch is in flight or after it fails, so a screen does not flash. */
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
}

interface Entry {
  readonly name: HandlerName;
  readonly input: unknown;
  snapshot: QuerySnapshot;
  readonly listeners: Set<() => void>;
  /** Number of the newest request; a reply that carries an older number is dropped. */
  request: number;
  inFlight: boolean;
  /** Data stored by `set` that no watcher has seen yet: the first one need not ask again. */
  fresh: boolean;
}

/** Never-loaded queries all read this one object, so React sees a stable snapshot. */
const NOT_LOADED: QuerySnapshot = Object.freeze({
  data: undefined,
  error: undefined,
  loading: true,
});

/** Results no screen shows any more are kept (for an instant display on return) up to this many. */
const MAX_UNWATCHED = 100;

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` name the same query. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

export function queryKey(name: HandlerName, input: unknown): string {
  return `${name} ${stableJson(input)}`;
}

/**
 * The renderer's read side of the contract: one entry per handler + input, shared by every screen
 * that asks for it. A query that is already being fetched is not asked again; a reply that was
 * overtaken (by a refetch, an invalidation or a `set`) is dropped, so a slow answer never
 * overwrites a newer one. Contract events and successful mutations invalidate the queries that
 * `invalidation.ts` lists for them: shown ones are fetched again, hidden ones are forgotten.
 */
export class QueryCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly api: RehearseApi,
    private readonly onEvent: Partial<Record<EventName, EventRule>> = EVENT_INVALIDATIONS,
    private readonly afterMutation: Partial<
      Record<HandlerName, readonly HandlerName[]>
    > = MUTATION_INVALIDATIONS,
  ) {}

  read(key: string): QuerySnapshot {
    return this.entries.get(key)?.snapshot ?? NOT_LOADED;
  }

  /**
   * Watches a query. The first watcher fetches it (reusing a request already out), so a screen
   * that opens again shows its last data at once and the current data as soon as it arrives.
   * Data just stored by `set` is current already and is not asked for again.
   */
  subscribe<K extends HandlerName>(name: K, input: Input<K>, listener: () => void): () => void {
    const entry = this.entry(name, input);
    entry.listeners.add(listener);
    if (entry.listeners.size === 1 && !entry.inFlight) {
      if (entry.fresh) entry.fresh = false;
      else this.fetch(entry);
    }
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0) this.trim();
    };
  }

  /** Asks again now, even if a request is out: its reply is older than this one's. */
  refetch<K extends HandlerName>(name: K, input: Input<K>): void {
    this.fetch(this.entry(name, input));
  }

  /**
   * Asks again unless a request is already out. For polling: a poll that overtook the previous
   * one each time would never let a slow reply through.
   */
  revalidate<K extends HandlerName>(name: K, input: Input<K>): void {
    const entry = this.entry(name, input);
    if (!entry.inFlight) this.fetch(entry);
  }

  /** Stores an answer the services already gave (a mutation's reply), overtaking any request out. */
  set<K extends HandlerName>(name: K, input: Input<K>, data: Output<K>): void {
    const entry = this.entry(name, input);
    entry.request++;
    entry.inFlight = false;
    entry.fresh = entry.listeners.size === 0;
    this.update(entry, { data, error: undefined, loading: false });
  }

  /** Every query of `name` (whose input passes `matches`) is out of date. */
  invalidate(name: HandlerName, matches: (input: unknown) => boolean = () => true): void {
    for (const [key, entry] of [...this.entries]) {
      if (entry.name !== name || !matches(entry.input)) continue;
      if (entry.listeners.size > 0) this.fetch(entry);
      else this.entries.delete(key);
    }
  }

  /** Applies the event map to one pushed event. */
  handleEvent<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const rule = this.onEvent[event] as EventRule<E> | undefined;
    if (!rule || (rule.when && !rule.when(payload))) return;
    for (const name of rule.queries) this.invalidate(name, (input) => sameSession(payload, input));
  }

  /** Listens to every event the map names; returns the function that stops listening. */
  connect(): () => void {
    const events = Object.keys(this.onEvent) as EventName[];
    const offs = events.map((event) =>
      this.api.on(event, (payload) => this.handleEvent(event, payload)),
    );
    return () => {
      for (const off of offs) off();
    };
  }

  /** Calls a handler; when it succeeds, the queries its change makes out of date are invalidated. */
  async invoke<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> {
    const result = await this.api.invoke(name, input);
    for (const query of this.afterMutation[name] ?? []) this.invalidate(query);
    return result;
  }

  /** The entry for a query, created if new; either way it becomes the most recently used. */
  private entry(name: HandlerName, input: unknown): Entry {
    const key = queryKey(name, input);
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = {
        name,
        input,
        snapshot: NOT_LOADED,
        listeners: new Set(),
        request: 0,
        inFlight: false,
        fresh: false,
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private fetch(entry: Entry): void {
    const request = ++entry.request;
    entry.inFlight = true;
    entry.fresh = false;
    if (!entry.snapshot.loading) this.update(entry, { ...entry.snapshot, loading: true });
    const settle = (next: QuerySnapshot) => {
      if (entry.request !== request) return;
      entry.inFlight = false;
      this.update(entry, next);
    };
    this.api.invoke(entry.name, entry.input as Input<HandlerName>).then(
      (data) => settle({ data, error: undefined, loading: false }),
      (error: unknown) => settle({ data: entry.snapshot.data, error, loading: false }),
    );
  }

  private update(entry: Entry, snapshot: QuerySnapshot): void {
    entry.snapshot = snapshot;
    for (const listener of [...entry.listeners]) listener();
  }

  /** Forgets the least recently used unwatched results beyond the limit (Map order is use order). */
  private trim(): void {
    let unwatched = 0;
    for (const entry of this.entries.values()) if (entry.listeners.size === 0) unwatched++;
    for (const [key, entry] of this.entries) {
      if (unwatched <= MAX_UNWATCHED) return;
      if (entry.listeners.size > 0) continue;
      this.entries.delete(key);
      unwatched--;
    }
  }
}

/**
 * An event about one session (it carries `sessionId`) leaves other sessions' queries alone;
 * queries not tied to a session (history, progress) are always affected.
 */
function sameSession(payload: unknown, input: unknown): boolean {
  const event = sessionOf(payload);
  const query = sessionOf(input);
  return event === undefined || query === undefined || event === query;
}

function sessionOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('sessionId' in value)) return undefined;
  return typeof value.sessionId === 'string' ? value.sessionId : undefined;
}
