import { describe, expect, it } from 'vitest';
import type { InvokeReply } from '../../../shared/ipc-channels';
import { saveExport, type ExportRoute } from './download';

function route(bridgeReply: InvokeReply | null) {
  const calls: string[] = [];
  const r: ExportRoute = {
    api: {
      invoke: ((name: string) => {
        calls.push(`invoke ${name}`);
        return Promise.resolve(
          name === 'packs.export'
            ? { fileName: 'pack.json', text: '{}', questionCount: 4 }
            : {
                fileName: 'r.pdf',
                mimeType: 'application/pdf',
                base64: 'JVBERg==',
                bytes: 5,
                pages: 2,
              },
        );
      }) as never,
    },
    bridge: bridgeReply
      ? {
          save: (name) => {
            calls.push(`save ${name}`);
            return Promise.resolve(bridgeReply);
          },
        }
      : undefined,
    downloadFile: (file) => calls.push(`download ${file.fileName}`),
    downloadText: (fileName) => calls.push(`download text ${fileName}`),
  };
  return { r, calls };
}

const ref = { profileId: 'p1', sessionId: 's1' };

describe('where an export goes', () => {
  it('in the desktop app: the main process saves it; nothing is fetched or downloaded', async () => {
    const { r, calls } = route({
      ok: true,
      result: {
        saved: true,
        fileName: 'r.pdf',
        path: '/home/zoe/Documents/r.pdf',
        bytes: 5,
        summary: { pages: 2 },
      },
    });
    expect(await saveExport(r.api, 'reports.sessionPdf', ref, r)).toEqual({
      saved: true,
      fileName: 'r.pdf',
      path: '/home/zoe/Documents/r.pdf',
      summary: { pages: 2 },
    });
    expect(calls).toEqual(['save reports.sessionPdf']);
  });

  it('in the desktop app: a cancelled dialog is no error, and a failure is thrown with its code', async () => {
    const cancelled = route({ ok: true, result: { saved: false, fileName: 'r.pdf' } });
    expect(await saveExport(cancelled.r.api, 'reports.sessionPdf', ref, cancelled.r)).toMatchObject(
      {
        saved: false,
        path: null,
      },
    );
    const failed = route({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    await expect(
      saveExport(failed.r.api, 'reports.sessionPdf', ref, failed.r),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'gone' });
  });

  it('in a browser: the bytes come back and are offered as a download', async () => {
    const pdf = route(null);
    expect(await saveExport(pdf.r.api, 'reports.sessionPdf', ref, pdf.r)).toEqual({
      saved: true,
      fileName: 'r.pdf',
      path: null,
      summary: { pages: 2 },
    });
    expect(pdf.calls).toEqual(['invoke reports.sessionPdf', 'download r.pdf']);
    const pack = route(null);
    await saveExport(pack.r.api, 'packs.export', {}, pack.r);
    expect(pack.calls).toEqual(['invoke packs.export', 'download text pack.json']);
  });
});
