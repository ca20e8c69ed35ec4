import { contract, type Input, type Output } from '../../../shared/contract';
import { SAVABLE_EXPORTS, type SavableExport } from '../../../shared/ipc-channels';
import { AppError } from '../../platform/errors';
import type { DataService } from '../your-data/data-service';
import type { PackStore } from '../bank/pack-store';
import type { ReportService } from '../reports/report-service';
import { bufferSource, type FileSource } from '../../platform/file-source';

interface ExportServices {
  readonly reports: ReportService;
  readonly data: DataService;
  readonly packs: PackStore;
}

/** A question pack as the JSON text people share (the packs.export handler's reply). */
async function exportPackText(
  packs: PackStore,
  { roleIds, packIds, questionIds, name }: Input<'packs.export'>,
  today: Date,
): Promise<Output<'packs.export'>> {
  const id = `export-${today.toISOString().slice(0, 10)}`;
  const pack = await packs.export(
    { roleIds, packIds, questionIds },
    { id, name: name ?? 'Exported questions' },
  );
  return {
    fileName: `${id}.rehearse-pack.json`,
    text: `${JSON.stringify(pack, null, 2)}\n`,
    questionCount: pack.questions.length,
  };
}

/** What the desktop shell saves to a path the person chose; one producer per savable export. */
export class FileExports {
  constructor(
    private readonly services: ExportServices,
    private readonly now: () => Date,
  ) {}

  packText(input: Input<'packs.export'>): Promise<Output<'packs.export'>> {
    return exportPackText(this.services.packs, input, this.now());
  }

  /** Validates the name and input exactly as the handler of the same name would. */
  async prepare(name: unknown, rawInput: unknown): Promise<FileSource> {
    if (typeof name !== 'string' || !(SAVABLE_EXPORTS as readonly string[]).includes(name))
      throw new AppError('UNKNOWN_HANDLER', `"${String(name)}" cannot be saved to a file.`);
    const which = name as SavableExport;
    const parsed = contract[which].input.safeParse(rawInput ?? {});
    if (!parsed.success)
      throw new AppError(
        'VALIDATION',
        `Please check: ${parsed.error.issues.map((i) => i.message).join('; ')}.`,
      );
    const { reports, data } = this.services;
    switch (which) {
      case 'reports.sessionPdf': {
        const input = parsed.data as Input<'reports.sessionPdf'>;
        return reports.sessionPdfFile(input.profileId, input.sessionId);
      }
      case 'reports.progressPdf': {
        const input = parsed.data as Input<'reports.progressPdf'>;
        return reports.progressPdfFile(input.profileId, input.from, input.to);
      }
      case 'data.export':
        return data.exportFile((parsed.data as Input<'data.export'>).profileId);
      case 'packs.export': {
        const file = await this.packText(parsed.data as Input<'packs.export'>);
        return bufferSource(file.fileName, 'application/json', Buffer.from(file.text, 'utf8'), {
          questionCount: file.questionCount,
        });
      }
    }
  }
}
