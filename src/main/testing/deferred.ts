/**
 * A promise settled from outside: the code under test resolves it when it reaches a moment a
 * test waits for (a job started, a first token), so the test waits on that moment, not a time.
 */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
