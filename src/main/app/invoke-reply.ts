import type { InvokeReply } from '../../shared/ipc-channels';
import { toAppErrorData } from '../platform/errors';
import type { HandlerRegistry } from './handler-registry';

/** Runs one invoke and turns any failure into the reply shape every transport sends. */
export async function invokeToReply(
  registry: Pick<HandlerRegistry, 'invoke'>,
  name: string,
  input: unknown,
): Promise<InvokeReply> {
  try {
    return { ok: true, result: await registry.invoke(name, input) };
  } catch (error) {
    const data = toAppErrorData(error);
    if (data.code === 'INTERNAL') console.error(`[rehearse] ${name} failed:`, error);
    return { ok: false, error: data };
  }
}
