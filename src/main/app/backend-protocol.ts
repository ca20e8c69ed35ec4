// The messages between the backend process (backend-process.ts: the services, the database, the
// engines) and the process that started it (`npm run web`'s HTTP server or the Electron shell).
// Both sides check every message they receive against these schemas: a message that does not
// fit is a bug in one of the two, reported rather than acted on.
import { z } from 'zod';
import { appErrorSchema, eventsContract, type EventName } from '../../shared/contract';

const callId = z.number().int().nonnegative();

/** What crosses in reply to an invoke or a save: the same shape as every other transport. */
export const invokeReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);
export type BackendReply = z.infer<typeof invokeReplySchema>;

/** Parent → backend. */
export const backendRequestSchema = z.discriminatedUnion('type', [
  /** Run one operation of the contract; answered by a `reply` with the same id. */
  z.object({ type: z.literal('invoke'), id: callId, name: z.string(), input: z.unknown() }),
  /**
   * Prepare an export to save to a file: the backend answers `save.ask` (its name and type), the
   * parent picks the path (a dialog in the desktop app) and answers `save.target`, then the
   * backend streams the file there and sends the `reply`. No file bytes cross the channel.
   */
  z.object({ type: z.literal('save'), id: callId, name: z.string(), input: z.unknown() }),
  /** Where to save the export of call `id`; null when the person cancelled. */
  z.object({ type: z.literal('save.target'), id: callId, path: z.string().min(1).nullable() }),
  /** Finish running jobs, close the database, release the data folder, then exit. */
  z.object({ type: z.literal('shutdown') }),
]);
export type BackendRequest = z.infer<typeof backendRequestSchema>;

const eventNames = Object.keys(eventsContract) as [EventName, ...EventName[]];

/** Backend → parent. */
export const backendMessageSchema = z.discriminatedUnion('type', [
  /** The services are up: calls may be sent. */
  z.object({ type: z.literal('ready'), pid: z.number().int(), dataDir: z.string() }),
  /** The services could not start (the data folder is in use, the database cannot open, …). */
  z.object({ type: z.literal('fatal'), error: appErrorSchema }),
  z.object({ type: z.literal('reply'), id: callId, reply: invokeReplySchema }),
  z.object({
    type: z.literal('save.ask'),
    id: callId,
    fileName: z.string(),
    mimeType: z.string(),
  }),
  /** An app event; its payload is checked against the events contract by the receiver. */
  z.object({ type: z.literal('event'), event: z.enum(eventNames), payload: z.unknown() }),
  /** Sent after a `shutdown` finished, just before the process exits. */
  z.object({ type: z.literal('closed') }),
]);
export type BackendMessage = z.infer<typeof backendMessageSchema>;

/** Parses a message from the backend, the event's payload included; throws when it does not fit. */
export function parseBackendMessage(raw: unknown): BackendMessage {
  const message = backendMessageSchema.parse(raw);
  if (message.type === 'event') eventsContract[message.event].parse(message.payload);
  return message;
}

/** Parses a message from the parent; throws when it does not fit. */
export function parseBackendRequest(raw: unknown): BackendRequest {
  return backendRequestSchema.parse(raw);
}

/**
 * Both ends of the channel, whatever carries it: Electron's utility-process port
 * (`process.parentPort` / `UtilityProcess.postMessage`) or a Node child's IPC (`process.send`).
 */
export interface MessageChannelEnd<Out> {
  send(message: Out): void;
  onMessage(listener: (raw: unknown) => void): void;
}
