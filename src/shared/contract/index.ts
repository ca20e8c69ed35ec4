// The whole contract between the UI and the services: every transport (Electron IPC, the local
// HTTP/WebSocket server, the CLI) speaks exactly this, so one set of handlers serves them all.
import { adminContract } from './admin';
import { appContract } from './app';
import { bankContract } from './bank';
import { coachContract } from './coach';
import type { ContractMap, HandlerImpls, InputOf, OutputOf } from './define';
import type { EventName, EventPayload } from './events';
import { interviewsContract } from './interviews';
import { jobsContract } from './jobs';
import { modelsContract } from './models';
import { packsContract } from './packs';
import { profilesContract } from './profiles';
import { progressContract } from './progress';
import { reportsContract } from './reports';
import { recordingContract } from './recording';
import { resultsContract } from './results';
import { settingsContract } from './settings';

export const contract = {
  ...appContract,
  ...profilesContract,
  ...bankContract,
  ...interviewsContract,
  ...resultsContract,
  ...jobsContract,
  ...settingsContract,
  ...packsContract,
  ...adminContract,
  ...modelsContract,
  ...progressContract,
  ...reportsContract,
  ...coachContract,
  ...recordingContract,
} as const satisfies ContractMap;

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
export type Input<K extends HandlerName> = InputOf<Contract, K>;
export type Output<K extends HandlerName> = OutputOf<Contract, K>;
export type Handlers = HandlerImpls<Contract>;

/** What a transport client offers: the renderer and tests call through this. */
export interface RehearseApi {
  invoke<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function isHandlerName(name: string): name is HandlerName {
  return Object.hasOwn(contract, name);
}

export * from './common';
export * from './events';
export * from './app';
export * from './profiles';
export * from './bank';
export * from './interviews';
export * from './results';
export * from './jobs';
export * from './settings';
export * from './packs';
export * from './admin';
export * from './models';
export * from './progress';
export * from './reports';
export * from './coach';
export * from './recording';
export type { HandlerSpec, ContractMap } from './define';
