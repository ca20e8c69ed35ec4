import { useCallback, useState } from 'react';

/**
 * One thing at a time that a button or form starts: `busy` while it runs, its failure in
 * `error` (cleared when the next run starts). `run` never throws.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, run };
}
