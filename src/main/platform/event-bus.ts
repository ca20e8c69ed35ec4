import type { EventName, EventPayload } from '../../shared/contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;
type AnyListener = (event: EventName, payload: unknown) => void;

/** Typed pushes from the services; each transport forwards them to its windows or sockets. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly wildcard = new Set<AnyListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
    for (const listener of this.wildcard) listener(event, payload);
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    this.listeners.set(event, set);
    return () => set.delete(wrapped);
  }

  /** Every event, for transports that forward all of them. */
  onAny(listener: AnyListener): () => void {
    this.wildcard.add(listener);
    return () => this.wildcard.delete(listener);
  }
}
