import type { Input, Output, RehearseApi } from '../../../shared/contract';
import type { SavableExport, SaveResult } from '../../../shared/ipc-channels';
import { ApiError, type Bridge } from '../api/client';

/** Offers bytes from the services as a browser download. */
export function downloadFile(file: { fileName: string; mimeType: string; base64: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  offerDownload(file.fileName, new Blob([bytes], { type: file.mimeType }));
}

/** Offers text (a question pack) as a browser download. */
export function downloadText(fileName: string, text: string): void {
  offerDownload(fileName, new Blob([text], { type: 'application/json' }));
}

function offerDownload(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously and still needs the URL.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ExportRoute {
  readonly api: Pick<RehearseApi, 'invoke'>;
  /** The desktop app's bridge; absent in a browser. */
  readonly bridge?: Pick<Bridge, 'save'> | undefined;
  readonly downloadFile: typeof downloadFile;
  readonly downloadText: typeof downloadText;
}

const browserRoute = (api: Pick<RehearseApi, 'invoke'>): ExportRoute => ({
  api,
  bridge: window.rehearseBridge,
  downloadFile,
  downloadText,
});

/**
 * Exports a file the person asked for. In the desktop app the main process asks where to save it
 * and streams it there (the browser's download does nothing inside Electron); in a browser the
 * file comes back as bytes and is offered as a download.
 */
export async function saveExport<K extends SavableExport>(
  api: Pick<RehearseApi, 'invoke'>,
  name: K,
  input: Input<K>,
  route: ExportRoute = browserRoute(api),
): Promise<ExportOutcome> {
  if (route.bridge) {
    const reply = await route.bridge.save(name, input);
    if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.details);
    const result = reply.result as SaveResult;
    return result.saved
      ? { saved: true, fileName: result.fileName, path: result.path, summary: result.summary }
      : { saved: false, fileName: result.fileName, path: null, summary: {} };
  }
  const output: Output<SavableExport> = await route.api.invoke(name, input);
  if ('base64' in output) route.downloadFile(output);
  else route.downloadText(output.fileName, output.text);
  const summary: Record<string, number> = {};
  for (const [key, value] of Object.entries(output))
    if (typeof value === 'number' && key !== 'bytes') summary[key] = value;
  return { saved: true, fileName: output.fileName, path: null, summary };
}

/** What became of an export; `path` is where the desktop app saved it (a browser decides itself). */
export interface ExportOutcome {
  readonly saved: boolean;
  readonly fileName: string;
  readonly path: string | null;
  readonly summary: Readonly<Record<string, number>>;
}
