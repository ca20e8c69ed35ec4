import type {
  EventName,
  EventPayload,
  HandlerName,
  Input,
  Output,
  RehearseApi,
} from '../../../shared/contract';
import type { InvokeReply } from '../../../shared/ipc-channels';

/** An error from the services, with the contract's code; `message` is written for the user. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Bridge {
  invoke(name: string, input: unknown): Promise<InvokeReply>;
  save(name: string, input: unknown): Promise<InvokeReply>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron window (see src/preload). */
    rehearseBridge?: Bridge;
  }
}

type Listener = (payload: unknown) => void;

/**
 * One client for both transports: the Electron preload bridge when it exists, otherwise the
 * local HTTP server (invoke) and its WebSocket (events), authenticated by the per-run cookie.
 */
export function createApiClient(): RehearseApi {
  const listeners = new Map<string, Set<Listener>>();
  const dispatch = (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  const bridge = window.rehearseBridge;
  const send: (name: string, input: unknown) => Promise<InvokeReply> = bridge
    ? (name, input) => bridge.invoke(name, input)
    : httpInvoke;
  if (bridge) bridge.on(dispatch);
  else connectEvents(dispatch);

  return {
    async invoke<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> {
      const reply = await send(name, input);
      if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.details);
      return reply.result as Output<K>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
}

async function httpInvoke(name: string, input: unknown): Promise<InvokeReply> {
  let response: Response;
  try {
    response = await fetch(`/api/invoke/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'OFFLINE',
        message: 'Rehearse is not running any more: start it again, then reload this page.',
      },
    };
  }
  try {
    return (await response.json()) as InvokeReply;
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `Unexpected reply from Rehearse (HTTP ${response.status}).`,
      },
    };
  }
}

function connectEvents(dispatch: (event: string, payload: unknown) => void, attempt = 0): void {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${protocol}//${location.host}/events`);
  socket.addEventListener('message', (message) => {
    try {
      const { event, payload } = JSON.parse(String(message.data)) as {
        event: string;
        payload: unknown;
      };
      dispatch(event, payload);
    } catch {
      // A malformed push is dropped; invoke results stay authoritative.
    }
  });
  socket.addEventListener('open', () => {
    attempt = 0;
  });
  socket.addEventListener('close', () => {
    setTimeout(() => connectEvents(dispatch, attempt + 1), Math.min(5000, 250 * 2 ** attempt));
  });
}
