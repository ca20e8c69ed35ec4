import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../../shared/contract';
import { AppError } from '../../platform/errors';
import { deleteSecurely } from '../../storage/secure-delete';
import type { ServiceContext } from '../service-context';
import type { ProfileService } from '../profiles/profile-service';
import type { ResultsService } from '../results/results-service';
import type { SettingsService } from '../settings/settings-service';
import { collectFile, type FileSource } from '../../platform/file-source';
import { toCsv, writeZip, type ZipEntry } from '../../platform/zip';

/** Recordings of a session live in <dataDir>/recordings/<sessionId>/ (and in answer rows' urls). */
export const RECORDINGS_DIR = 'recordings';

/**
 * A person's own data (GDPR): everything of a profile in one archive, and
 * deletion of a session or a whole profile that leaves nothing behind — rows (with SQLite's
 * secure_delete, so freed pages are zeroed, and a WAL checkpoint so the log holds no copy),
 * job payloads that name the answers, and recordings on disk.
 */
export interface DataExportSummary {
  readonly sessions: number;
  readonly answers: number;
  readonly recordings: number;
}

export class DataService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly dataDir: string,
    private readonly services: {
      profiles: ProfileService;
      results: ResultsService;
      settings: SettingsService;
    },
  ) {}

  /** The export as base64, for the browser's download and the CLI. */
  async exportProfile(profileId: string): Promise<Output<'data.export'>> {
    return collectFile(await this.exportFile(profileId));
  }

  /** Everything of one profile as a zip to stream; recordings are read only while writing. */
  async exportFile(profileId: string): Promise<FileSource<DataExportSummary>> {
    const profile = await this.services.profiles.get(profileId);
    const settings = await this.services.settings.get(profileId);
    const sessionIds = await this.ctx.repos.sessions.idsOfProfile(profileId);
    const sessions = [];
    for (const id of sessionIds) sessions.push(await this.services.results.session(profileId, id));

    const entries: ZipEntry[] = [];
    const recordings = await this.recordingFiles(sessionIds);
    for (const file of recordings) {
      entries.push({
        // Only files inside the data folder are listed, e.g. recordings/<session>/answer-0.webm.
        name: path.relative(this.dataDir, file).split(path.sep).join('/'),
        file,
      });
    }
    const answers = sessions.flatMap((s) => s.answers.map((a) => ({ session: s, a })));
    const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');
    entries.unshift(
      {
        name: 'README.txt',
        data: Buffer.from(
          [
            `Everything Rehearse stores about the profile "${profile.name}", exported ${this.ctx.clock.now().toISOString()}.`,
            '',
            'profile.json   the profile and its settings',
            'sessions.json  every interview with its questions, answers, scores and feedback',
            'sessions.csv   one row per interview',
            'answers.csv    one row per question shown, with its answer and scores',
            'recordings/    audio and video of spoken answers, where there are any',
            '',
          ].join('\n'),
          'utf8',
        ),
      },
      { name: 'profile.json', data: json({ profile, settings }) },
      { name: 'sessions.json', data: json(sessions) },
      {
        name: 'sessions.csv',
        data: Buffer.from(
          toCsv(
            [
              'session_id',
              'created_at',
              'completed_at',
              'status',
              'role',
              'level',
              'questions',
              'overall',
              'content',
              'communication',
              'technical',
              'relevance',
            ],
            sessions.map((s) => [
              s.sessionId,
              s.createdAt,
              s.completedAt,
              s.status,
              s.roleTitle,
              s.level,
              s.answers.length,
              s.scores?.overall,
              s.scores?.content,
              s.scores?.communication,
              s.scores?.technical,
              s.scores?.relevance,
            ]),
          ),
          'utf8',
        ),
      },
      {
        name: 'answers.csv',
        data: Buffer.from(
          toCsv(
            [
              'session_id',
              'position',
              'question_id',
              'question',
              'status',
              'answer',
              'overall',
              'content',
              'communication',
              'technical',
              'relevance',
              'strengths',
              'improvements',
            ],
            answers.map(({ session, a }) => [
              session.sessionId,
              a.position + 1,
              a.questionId,
              a.question,
              a.status,
              a.answerText,
              a.scores?.overall,
              a.scores?.content,
              a.scores?.communication,
              a.scores?.technical,
              a.scores?.relevance,
              a.strengths.join(' | '),
              a.improvements.join(' | '),
            ]),
          ),
          'utf8',
        ),
      },
    );
    const modified = this.ctx.clock.now();
    const day = modified.toISOString().slice(0, 10);
    return {
      fileName: `rehearse-export-${slug(profile.name)}-${day}.zip`,
      mimeType: 'application/zip',
      summary: {
        sessions: sessions.length,
        answers: answers.filter(({ a }) => a.answerId !== null).length,
        recordings: recordings.length,
      },
      writeTo: async (out) => {
        await writeZip(out, entries, modified);
      },
    };
  }

  async deleteSession(profileId: string, sessionId: string): Promise<Output<'data.deleteSession'>> {
    await this.ctx.repos.sessions.owned({ profileId, sessionId }); // another's is "not found"
    const files = await this.recordingFiles([sessionId]);
    await deleteSecurely(this.ctx.db, async (repos) => {
      await repos.jobs.deleteJobsOfSession(sessionId);
      // Cascades to session_questions, answers, feedback and the progress summaries.
      await repos.sessions.delete(sessionId);
      await repos.bank.deleteUnusedGeneratedQuestions();
    });
    return { sessionId, filesRemoved: this.removeFiles(files, [sessionId]) };
  }

  async deleteProfile(
    profileId: string,
    confirmName: string,
  ): Promise<Output<'data.deleteProfile'>> {
    const profile = await this.services.profiles.get(profileId);
    if (confirmName.trim() !== profile.name.trim())
      throw new AppError(
        'VALIDATION',
        `To delete this profile and all its interviews, type its name exactly: "${profile.name}".`,
      );
    const sessionIds = await this.ctx.repos.sessions.idsOfProfile(profileId);
    const files = await this.recordingFiles(sessionIds);
    await deleteSecurely(this.ctx.db, async (repos) => {
      await repos.jobs.deleteJobsOfProfile(profileId);
      // Cascades to sessions, their questions, answers, feedback and summaries.
      await repos.profiles.deleteProfile(profileId);
      await repos.bank.deleteUnusedGeneratedQuestions();
    });
    return {
      profileId,
      sessionsRemoved: sessionIds.length,
      filesRemoved: this.removeFiles(files, [...sessionIds, profileId]),
    };
  }

  /** Files of these sessions: answers' audio/video urls and each session's recordings folder. */
  private async recordingFiles(sessionIds: readonly string[]): Promise<string[]> {
    const files = new Set<string>();
    const inDataDir = (p: string) => {
      const resolved = path.resolve(this.dataDir, p);
      return resolved.startsWith(path.resolve(this.dataDir) + path.sep) ? resolved : null;
    };
    for (const r of await this.ctx.repos.answers.mediaUrlsOfSessions(sessionIds))
      for (const url of [r.audio_url, r.video_url]) {
        const file = url ? inDataDir(url.replace(/^file:\/\//, '')) : null;
        if (file && fs.existsSync(file) && fs.statSync(file).isFile()) files.add(file);
      }
    for (const id of sessionIds) {
      const dir = path.join(this.dataDir, RECORDINGS_DIR, id);
      if (fs.existsSync(dir))
        for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
          if (f.isFile()) files.add(path.join(f.parentPath, f.name));
    }
    return [...files].sort();
  }

  private removeFiles(files: readonly string[], folderIds: readonly string[]): number {
    let removed = 0;
    for (const f of files) {
      fs.rmSync(f, { force: true });
      removed++;
    }
    for (const id of folderIds)
      fs.rmSync(path.join(this.dataDir, RECORDINGS_DIR, id), { recursive: true, force: true });
    return removed;
  }
}

/** An ASCII file-name part: "Zoë Łukasiewicz" → "zoe-ukasiewicz". */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'profile'
  );
}
