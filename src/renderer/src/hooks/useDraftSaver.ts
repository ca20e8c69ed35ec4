import { useCallback, useEffect, useRef, useState } from 'react';

export type DraftStatus = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

/**
 * Saves typed text a moment after typing pauses, so a crash or a closed window loses at most the
 * last second of work. Leaving the screen with unsaved text saves it straight away.
 */
export function useDraftSaver(
  save: (text: string) => Promise<unknown>,
  initial: DraftStatus,
  delayMs = 800,
) {
  const [status, setStatus] = useState<DraftStatus>(initial);
  const saveRef = useRef(save);
  const timer = useRef<number | undefined>(undefined);
  const unsaved = useRef<string | null>(null);
  const live = useRef(true);

  useEffect(() => {
    saveRef.current = save;
  });

  const run = useCallback((text: string) => {
    unsaved.current = null;
    setStatus('saving');
    saveRef.current(text).then(
      () => {
        if (live.current && unsaved.current === null) setStatus('saved');
      },
      () => {
        if (live.current && unsaved.current === null) setStatus('failed');
      },
    );
  }, []);

  const schedule = useCallback(
    (text: string) => {
      window.clearTimeout(timer.current);
      unsaved.current = text;
      setStatus('unsaved');
      timer.current = window.setTimeout(() => run(text), delayMs);
    },
    [delayMs, run],
  );

  /** Drops a pending save: the text is about to be submitted, which supersedes the draft. */
  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    unsaved.current = null;
  }, []);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      window.clearTimeout(timer.current);
      const pending = unsaved.current;
      if (pending !== null) {
        unsaved.current = null;
        saveRef.current(pending).catch(() => undefined);
      }
    };
  }, []);

  return { status, schedule, cancel };
}
