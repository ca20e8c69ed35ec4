import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { HandlerName, Input, Output } from '../../../shared/contract';
import { useQueryCache } from '../api/context';
import { queryKey } from '../api/query-cache';

export interface Query<T> {
  /**
   * The latest data for this query; kept while it is fetched again so the screen does not flash
   * (and, with `keepPrevious`, the previous input's data until the new input's arrives).
   */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Asks the services again now (a Retry button). */
  refetch: () => void;
  /** Asks again unless a request is already out (a poll). */
  revalidate: () => void;
}

const nothing = () => () => undefined;

/**
 * One handler's answer for one input, from the shared query cache: fetched when first shown,
 * refreshed when an event or a change makes it out of date (see api/invalidation.ts).
 * `enabled: false` waits without asking.
 */
export function useQuery<K extends HandlerName>(
  name: K,
  input: Input<K>,
  options: { keepPrevious?: boolean; enabled?: boolean } = {},
): Query<Output<K>> {
  const cache = useQueryCache();
  const key = queryKey(name, input);
  const enabled = options.enabled ?? true;
  // The key is the input's identity: a new object with the same content is the same query.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for name + input
  const query = useMemo(() => ({ name, input }), [key]);
  const subscribe = useCallback(
    (listener: () => void) => cache.subscribe(query.name, query.input, listener),
    [cache, query],
  );
  const snapshot = useSyncExternalStore(enabled ? subscribe : nothing, () => cache.read(key));
  const refetch = useCallback(() => cache.refetch(query.name, query.input), [cache, query]);
  const revalidate = useCallback(() => cache.revalidate(query.name, query.input), [cache, query]);

  // keepPrevious: a list being refiltered keeps showing the last answer instead of a spinner.
  const data = snapshot.data as Output<K> | undefined;
  const [previous, setPrevious] = useState(data);
  if (data !== undefined && data !== previous) setPrevious(data);
  return {
    data: data ?? (options.keepPrevious ? previous : undefined),
    error: snapshot.error,
    loading: snapshot.loading,
    refetch,
    revalidate,
  };
}
