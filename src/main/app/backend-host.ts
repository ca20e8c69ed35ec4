import type { InvokeReply } from '../../shared/ipc-channels';
import { toAppErrorData } from '../platform/errors';
import {
  parseBackendRequest,
  type BackendMessage,
  type BackendRequest,
  type MessageChannelEnd,
} from './backend-protocol';
import { invokeToReply } from './invoke-reply';
import type { RehearseApp } from './rehearse-app';
import { saveExport } from './save-export';

/**
 * Serves the contract over `channel` in the backend process: starts the services, answers
 * invokes and saves, forwards every app event, and closes cleanly on `shutdown` or when the
 * parent goes away. A start that fails is reported (`fatal`) before the process exits, so the
 * parent can show why (e.g. the data folder is in use).
 */
export function serveBackend(
  channel: MessageChannelEnd<BackendMessage>,
  start: () => Promise<RehearseApp>,
  exit: (code: number) => void,
): { close(): Promise<void> } {
  // Saves waiting for the parent to name a path, by call id.
  const targets = new Map<number, (path: string | null) => void>();
  const started = start();
  let closing: Promise<void> | null = null;

  const close = (): Promise<void> =>
    (closing ??= started
      .then((app) => app.close())
      .catch((error: unknown) => console.error('[rehearse] closing the services failed:', error))
      .then(() => {
        channel.send({ type: 'closed' });
        exit(0);
      }));

  // Replies are built by toAppErrorData, so their error codes are the contract's ones.
  const reply = (id: number, answer: InvokeReply) =>
    channel.send({ type: 'reply', id, reply: answer } as BackendMessage);

  const handle = async (request: BackendRequest): Promise<void> => {
    switch (request.type) {
      case 'invoke': {
        const app = await started;
        return reply(request.id, await invokeToReply(app.registry, request.name, request.input));
      }
      case 'save': {
        const app = await started;
        const answer = await saveExport(
          app.files,
          request.name,
          request.input,
          (fileName, mimeType) =>
            new Promise((resolve) => {
              targets.set(request.id, resolve);
              channel.send({ type: 'save.ask', id: request.id, fileName, mimeType });
            }),
        );
        return reply(request.id, answer);
      }
      case 'save.target': {
        const resolve = targets.get(request.id);
        targets.delete(request.id);
        resolve?.(request.path);
        return;
      }
      case 'shutdown':
        return close();
    }
  };

  channel.onMessage((raw) => {
    let request: BackendRequest;
    try {
      request = parseBackendRequest(raw);
    } catch (error) {
      console.error('[rehearse] the backend got a message it does not understand:', error);
      return;
    }
    void handle(request).catch((error: unknown) => {
      // Only a failed start gets here (invokeToReply and saveExport never throw); the parent
      // hears of it once, from the `fatal` message below, and each call still gets its reply.
      if (request.type === 'invoke' || request.type === 'save')
        reply(request.id, { ok: false, error: toAppErrorData(error) });
    });
  });

  started.then(
    (app) => {
      app.events.onAny((event, payload) => channel.send({ type: 'event', event, payload }));
      channel.send({ type: 'ready', pid: process.pid, dataDir: app.dataDir });
    },
    (error: unknown) => {
      console.error('Rehearse cannot start:', error);
      channel.send({ type: 'fatal', error: toAppErrorData(error) });
      exit(1);
    },
  );

  return { close };
}
