import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { RehearseApi } from '../../../shared/contract';
import { isOffline } from './errors';

interface ApiContextValue {
  api: RehearseApi;
  offline: boolean;
}

const ApiContext = createContext<ApiContextValue | null>(null);

/**
 * Shares one client with every screen and notices when the services stop answering, so the
 * whole app can say so once instead of each screen failing in its own way.
 */
export function ApiProvider({ client, children }: { client: RehearseApi; children: ReactNode }) {
  const [offline, setOffline] = useState(false);
  const api = useMemo<RehearseApi>(
    () => ({
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
  const value = useMemo(() => ({ api, offline }), [api, offline]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): RehearseApi {
  return useApiContext().api;
}

export function useOffline(): boolean {
  return useApiContext().offline;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi must be used inside <ApiProvider>');
  return value;
}
