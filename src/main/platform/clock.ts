/** Time and ids are injected so tests get a fake clock and deterministic ids. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type IdGenerator = () => string;

export const randomIds: IdGenerator = () => crypto.randomUUID();
