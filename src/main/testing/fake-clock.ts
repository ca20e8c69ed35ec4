import type { Clock, IdGenerator } from '../platform/clock';

/** A clock that only moves when a test moves it. */
export class FakeClock implements Clock {
  private current: number;
  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(seconds: number): void {
    this.current += seconds * 1000;
  }
}

/** ids "id-0001", "id-0002", ... in creation order; `after` ids already taken are skipped. */
export function sequentialIds(prefix = 'id', after = 0): IdGenerator {
  let n = after;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}
