// The only bridge between the sandboxed renderer and the main process: one generic invoke, one
// save of an export to a file, and one generic event subscription, typed from the shared contract.
// No Node or Electron object leaks.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_SAVE_CHANNEL,
  type InvokeReply,
} from '../shared/ipc-channels';

const bridge = {
  invoke(name: string, input: unknown): Promise<InvokeReply> {
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, input) as Promise<InvokeReply>;
  },
  /** Saves an export where the person chooses (native dialog in the main process). */
  save(name: string, input: unknown): Promise<InvokeReply> {
    return ipcRenderer.invoke(IPC_SAVE_CHANNEL, name, input) as Promise<InvokeReply>;
  },
  on(listener: (event: string, payload: unknown) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, event: string, payload: unknown) =>
      listener(event, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  },
};

export type RehearseBridge = typeof bridge;

contextBridge.exposeInMainWorld('rehearseBridge', bridge);
