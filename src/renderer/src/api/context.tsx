import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RehearseApi } from '../../../shared/contract';
import { isOffline } from './errors';
import { QueryCache } from './query-cache';

interface ApiContextValue {
  api: RehearseApi;
  cache: QueryCache;
  offline: boolean;
}

const ApiContext = createContext<ApiContextValue | null>(null);

/**
 * Shares one client and one query cache with every screen, and notices when the services stop
 * answering, so the whole app can say so once instead of each screen failing in its own way.
 * Every call goes through the cache, so a change made anywhere refreshes what shows it.
 */
export function ApiProvider({ client, children }: { client: RehearseApi; children: ReactNode }) {
  const [offline, setOffline] = useState(false);
  const cache = useMemo(
    () =>
      new QueryCache({
        async invoke(name, input) {
          try {
            const result = await client.invoke(name, input);
            setOffline(false);
            return result;
          } catch (error) {
            setOffline(isOffline(error));
            throw error;
          }
        },
        on: (event, listener) => client.on(event, listener),
      }),
    [client],
  );
  useEffect(() => cache.connect(), [cache]);
  const api = useMemo<RehearseApi>(
    () => ({
      invoke: (name, input) => cache.invoke(name, input),
      on: (event, listener) => client.on(event, listener),
    }),
    [cache, client],
  );
  const value = useMemo(() => ({ api, cache, offline }), [api, cache, offline]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): RehearseApi {
  return useApiContext().api;
}

export function useQueryCache(): QueryCache {
  return useApiContext().cache;
}

export function useOffline(): boolean {
  return useApiContext().offline;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi must be used inside <ApiProvider>');
  return value;
}
