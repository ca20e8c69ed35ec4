import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  /**
   * The latest data for this key; kept while a reload is in flight so the screen does not flash
   * (and, with `keepPrevious`, the previous key's data until the new key's arrives).
   */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  request: number;
  data: T | undefined;
  error: unknown;
}

/**
 * Runs `load` whenever `key` changes (or `reload` is called) and ignores replies that arrive
 * after the key moved on, so a slow answer can never overwrite a newer one.
 */
export function useLoad<T>(
  key: string,
  load: () => Promise<T>,
  options: { keepPrevious?: boolean } = {},
): Loaded<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [request, setRequest] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => {
        if (live) setSettled({ key, request, data, error: undefined });
      },
      (error: unknown) => {
        if (live)
          setSettled((prev) => ({
            key,
            request,
            data: prev?.key === key ? prev.data : undefined,
            error,
          }));
      },
    );
    return () => {
      live = false;
    };
  }, [key, request]);

  const reload = useCallback(() => setRequest((n) => n + 1), []);
  const current = settled?.key === key ? settled : null;
  return {
    // keepPrevious: a list being refiltered keeps showing the last answer instead of a spinner.
    data: current ? current.data : options.keepPrevious ? settled?.data : undefined,
    error: current?.error,
    loading: current === null || current.request !== request,
    reload,
  };
}
