import type { InvokeReply, SaveResult } from '../../shared/ipc-channels';
import type { FileExports } from '../features/exports/file-exports';
import { toAppErrorData } from '../platform/errors';
import { saveFileTo } from '../platform/file-source';

/** Asks the person where to save `fileName`; null when they cancel. */
export type AskSavePath = (fileName: string, mimeType: string) => Promise<string | null>;

/**
 * Prepares an export, asks where to put it, then streams it there. Never throws: the reply says
 * what went wrong, and no path is asked for an export that cannot be made.
 */
export async function saveExport(
  files: FileExports,
  name: unknown,
  input: unknown,
  askSavePath: AskSavePath,
): Promise<InvokeReply> {
  try {
    const source = await files.prepare(name, input);
    const target = await askSavePath(source.fileName, source.mimeType);
    const result: SaveResult = target
      ? {
          saved: true,
          fileName: source.fileName,
          ...(await saveFileTo(source, target)),
          summary: source.summary as Record<string, number>,
        }
      : { saved: false, fileName: source.fileName };
    return { ok: true, result };
  } catch (error) {
    const data = toAppErrorData(error);
    if (data.code === 'INTERNAL') console.error(`[rehearse] saving ${String(name)}:`, error);
    return { ok: false, error: data };
  }
}
