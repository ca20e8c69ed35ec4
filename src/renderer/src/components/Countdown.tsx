import { useNow } from '../hooks/useNow';
import { formatClock } from '../lib/format';

const WARN_AT_SECONDS = 30;

export type CountdownTone = 'ok' | 'warn' | 'over';

/** Seconds left of a question's suggested time; it goes below zero rather than stopping anything. */
export function useCountdown(
  startedAt: string,
  limitSeconds: number,
): { remaining: number; tone: CountdownTone } {
  const now = useNow();
  const started = Date.parse(startedAt);
  const elapsed = Number.isNaN(started) ? 0 : (now - started) / 1000;
  const remaining = Math.ceil(limitSeconds - elapsed);
  const tone = remaining <= 0 ? 'over' : remaining <= WARN_AT_SECONDS ? 'warn' : 'ok';
  return { remaining, tone };
}

export function CountdownClock({
  remaining,
  tone,
  limitSeconds,
}: {
  remaining: number;
  tone: CountdownTone;
  limitSeconds: number;
}) {
  return (
    <div className={`countdown countdown--${tone}`}>
      <span className="countdown__icon" aria-hidden="true" />
      <span className="visually-hidden">Time left: </span>
      <span role="timer" className="countdown__time">
        {formatClock(remaining)}
      </span>
      <span className="countdown__limit">
        <span className="visually-hidden"> of </span>
        <span className="countdown__separator" aria-hidden="true">
          /
        </span>
        {formatClock(limitSeconds)}
      </span>
    </div>
  );
}
