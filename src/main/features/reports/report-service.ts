import type { Output } from '../../../shared/contract';
import { AppError } from '../../platform/errors';
import { bufferSource, collectFile, type FileSource } from '../../platform/file-source';
import { slug } from '../your-data/data-service';
import type { ServiceContext } from '../service-context';
import type { ProfileService } from '../profiles/profile-service';
import type { ProgressService } from '../progress/progress-service';
import type { ResultsService } from '../results/results-service';
import { renderProgressReport } from './progress-report';
import { renderSessionReport } from './session-report';

export interface PdfSummary {
  readonly pages: number;
}

/** Sessions listed in a progress report; the rest are counted. */
const PROGRESS_REPORT_SESSIONS = 200;

/** PDF reports, returned as bytes: the caller (browser, desktop shell, CLI) decides where they go. */
export class ReportService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly services: {
      profiles: ProfileService;
      results: ResultsService;
      progress: ProgressService;
    },
  ) {}

  async sessionPdf(profileId: string, sessionId: string): Promise<Output<'reports.sessionPdf'>> {
    return collectFile(await this.sessionPdfFile(profileId, sessionId));
  }

  async progressPdf(
    profileId: string,
    from: string,
    to: string,
  ): Promise<Output<'reports.progressPdf'>> {
    return collectFile(await this.progressPdfFile(profileId, from, to));
  }

  /** A report of a few hundred kB: rendered in memory, then written where the caller says. */
  async sessionPdfFile(profileId: string, sessionId: string): Promise<FileSource<PdfSummary>> {
    const profile = await this.services.profiles.get(profileId);
    const results = await this.services.results.session(profileId, sessionId);
    const { bytes, pages } = await renderSessionReport({
      candidate: profile.name,
      results,
      generatedAt: this.ctx.clock.now(),
    });
    const day = (results.completedAt ?? results.createdAt).slice(0, 10);
    return bufferSource(
      `rehearse-${slug(results.roleTitle)}-${day}.pdf`,
      'application/pdf',
      bytes,
      {
        pages,
      },
    );
  }

  async progressPdfFile(
    profileId: string,
    from: string,
    to: string,
  ): Promise<FileSource<PdfSummary>> {
    if (from > to)
      throw new AppError('VALIDATION', `The report's start (${from}) is after its end (${to}).`);
    const profile = await this.services.profiles.get(profileId);
    const { progress, results } = this.services;
    const history = await results.history(profileId, PROGRESS_REPORT_SESSIONS, 0, {
      from,
      to,
      status: 'completed',
    });
    const { bytes, pages } = await renderProgressReport({
      candidate: profile.name,
      from,
      to,
      stats: await progress.stats(profileId),
      chart: await progress.chart(profileId, { from, to }),
      sessions: history.items,
      sessionsTotal: history.total,
      generatedAt: this.ctx.clock.now(),
    });
    return bufferSource(`rehearse-progress-${from}-to-${to}.pdf`, 'application/pdf', bytes, {
      pages,
    });
  }
}
