// When the supervisor restarts and when it gives up, with stand-in children whose lives the test
// controls (the real process, killed for real, is in backend-supervisor.test.ts).
import { describe, expect, it } from 'vitest';
import type { BackendRequest } from '../app/backend-protocol';
import { BackendSupervisor, type BackendChild } from './backend-supervisor';

class StandInChild implements BackendChild {
  readonly pid: number;
  readonly sent: BackendRequest[] = [];
  private messageListener: (raw: unknown) => void = () => undefined;
  private exitListener: (how: string) => void = () => undefined;

  constructor(pid: number) {
    this.pid = pid;
  }
  send(message: BackendRequest): void {
    this.sent.push(message);
    // Answers every call at once, as a healthy backend would.
    if (message.type === 'invoke')
      this.messageListener({
        type: 'reply',
        id: message.id,
        reply: { ok: true, result: this.pid },
      });
    if (message.type === 'shutdown') this.exitListener('exited with code 0');
  }
  onMessage(listener: (raw: unknown) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (how: string) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    this.exitListener('was stopped by SIGKILL');
  }
  becomeReady(): void {
    this.messageListener({ type: 'ready', pid: this.pid, dataDir: '/data' });
  }
  receive(raw: unknown): void {
    this.messageListener(raw);
  }
  crash(): void {
    this.exitListener('was stopped by SIGSEGV');
  }
}

function harness() {
  const children: StandInChild[] = [];
  let clock = 0;
  const spawned: ((child: StandInChild) => void)[] = [];
  const spawn = () => {
    const child = new StandInChild(children.length + 1);
    children.push(child);
    // Each new child becomes ready on the next tick unless the test says otherwise.
    const hook = spawned.shift();
    if (hook) hook(child);
    else queueMicrotask(() => child.becomeReady());
    return child;
  };
  return {
    children,
    advance: (ms: number) => (clock += ms),
    /** The next child to be spawned gets `hook` instead of becoming ready by itself. */
    nextChild: (hook: (child: StandInChild) => void) => spawned.push(hook),
    start: () =>
      BackendSupervisor.start({ spawn, maxQuickCrashes: 2, quickCrashMs: 1000, now: () => clock }),
  };
}

describe('restarting the backend', () => {
  it('restarts after each crash long after its start, and gives up after quick ones in a row', async () => {
    const h = harness();
    const backend = await h.start();
    const restarts: unknown[] = [];
    backend.onAny((event, payload) => event === 'backend.restarted' && restarts.push(payload));

    for (let i = 1; i <= 3; i++) {
      h.advance(5000);
      h.children.at(-1)!.crash();
      expect(await backend.invoke('app.info', {})).toBe(i + 1);
    }
    expect(restarts).toEqual(
      [1, 2, 3].map((n) => ({ reason: 'it was stopped by SIGSEGV', restarts: n })),
    );

    h.children.at(-1)!.crash(); // quick: 1 of 2
    expect(await backend.invoke('app.info', {})).toBe(5);
    h.children.at(-1)!.crash(); // quick: 2 of 2
    await expect(backend.invoke('app.info', {})).rejects.toThrow(/keeps stopping/);
    expect(h.children).toHaveLength(5);
  });

  it('hands the calls waiting for a backend that died while starting to the next one', async () => {
    const h = harness();
    const backend = await h.start();
    let starting: StandInChild | undefined;
    h.nextChild((child) => (starting = child));
    h.advance(5000);
    h.children[0]!.crash();
    const waiting = backend.invoke('app.info', {});
    starting!.crash(); // dies before it was ready: the third child answers
    await expect(waiting).resolves.toBe(3);
  });

  it('ignores a message that does not fit the protocol', async () => {
    const h = harness();
    const backend = await h.start();
    const events: string[] = [];
    backend.onAny((event) => events.push(event));
    h.children[0]!.receive({ type: 'event', event: 'answer.scored', payload: { sessionId: 1 } });
    h.children[0]!.receive({ type: 'nonsense' });
    h.children[0]!.receive({
      type: 'event',
      event: 'answer.scored',
      payload: { sessionId: 's', answerId: 'a' },
    });
    expect(events).toEqual(['answer.scored']);
    expect(await backend.invoke('app.info', {})).toBe(1);
  });
});
