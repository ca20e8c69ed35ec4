import type { Output } from '../../shared/contract';
import { AppError } from '../core/errors';
import { slug } from '../data/data-service';
import type { ServiceContext } from '../services/context';
import type { ProfileService } from '../services/profiles';
import type { ProgressService } from '../services/progress';
import type { ResultsService } from '../services/results';
import { renderProgressReport } from './progress-report';
import { renderSessionReport } from './session-report';

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
    const profile = await this.services.profiles.get(profileId);
    const results = await this.services.results.session(profileId, sessionId);
    const { bytes, pages } = await renderSessionReport({
      candidate: profile.name,
      results,
      generatedAt: this.ctx.clock.now(),
    });
    const day = (results.completedAt ?? results.createdAt).slice(0, 10);
    return {
      fileName: `rehearse-${slug(results.roleTitle)}-${day}.pdf`,
      mimeType: 'application/pdf',
      base64: bytes.toString('base64'),
      bytes: bytes.length,
      pages,
    };
  }

  async progressPdf(
    profileId: string,
    from: string,
    to: string,
  ): Promise<Output<'reports.progressPdf'>> {
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
    return {
      fileName: `rehearse-progress-${from}-to-${to}.pdf`,
      mimeType: 'application/pdf',
      base64: bytes.toString('base64'),
      bytes: bytes.length,
      pages,
    };
  }
}
