import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { startRehearse, type RehearseApp } from '../../app/rehearse-app';
import { resolveDataDir } from '../../platform/data-dir';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `rehearse report SESSION_ID --pdf OUT.pdf` and
 * `rehearse report --progress --from D --to D --pdf OUT.pdf [--profile NAME]`.
 */
export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      pdf: { type: 'string' },
      progress: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      profile: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (!values.pdf) throw new UsageError('report needs --pdf OUT.pdf.');
  if (values.progress) {
    if (!values.from || !values.to || !DAY.test(values.from) || !DAY.test(values.to))
      throw new UsageError('report --progress needs --from and --to as YYYY-MM-DD.');
  } else if (positionals.length !== 1) {
    throw new UsageError('report needs one SESSION_ID (see `rehearse practice --json`).');
  }
  const app = await startRehearse({ dataDir: resolveDataDir(io.env), transport: 'web' });
  try {
    let file: { base64: string; pages: number };
    if (values.progress) {
      const profileId = await findProfile(app, values.profile);
      file = (await app.registry.invoke('reports.progressPdf', {
        profileId,
        from: values.from,
        to: values.to,
      })) as typeof file;
    } else {
      const sessionId = positionals[0] ?? '';
      const owner = await app.context.repos.sessions.ownerOf(sessionId);
      if (owner === undefined) {
        io.stderr(`rehearse: no interview "${sessionId}" in ${app.dataDir}.\n`);
        return 1;
      }
      file = (await app.registry.invoke('reports.sessionPdf', {
        profileId: owner,
        sessionId,
      })) as typeof file;
    }
    fs.writeFileSync(values.pdf, Buffer.from(file.base64, 'base64'));
    io.stdout(`Wrote ${values.pdf} (${file.pages} pages).\n`);
    return 0;
  } finally {
    await app.close();
  }
}

/** `rehearse export --out FILE.zip [--profile NAME]`: everything of one profile. */
export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { out: { type: 'string' }, profile: { type: 'string' } },
    strict: true,
  });
  if (!values.out) throw new UsageError('export needs --out FILE.zip.');
  const app = await startRehearse({ dataDir: resolveDataDir(io.env), transport: 'web' });
  try {
    const profileId = await findProfile(app, values.profile);
    const file = (await app.registry.invoke('data.export', { profileId })) as {
      base64: string;
      sessions: number;
      answers: number;
      recordings: number;
    };
    fs.writeFileSync(values.out, Buffer.from(file.base64, 'base64'));
    io.stdout(
      `Wrote ${values.out}: ${file.sessions} interviews, ${file.answers} answers, ${file.recordings} recordings.\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

/** The profile named, or the only one there is. */
async function findProfile(app: RehearseApp, name: string | undefined): Promise<string> {
  const profiles = (await app.registry.invoke('profiles.list', {})) as {
    id: string;
    name: string;
  }[];
  const found =
    name === undefined
      ? profiles.length === 1
        ? profiles[0]
        : undefined
      : profiles.find((p) => p.name === name);
  if (found) return found.id;
  throw new UsageError(
    name === undefined
      ? `Name the profile with --profile (profiles: ${profiles.map((p) => p.name).join(', ') || 'none'}).`
      : `No profile named "${name}" (profiles: ${profiles.map((p) => p.name).join(', ') || 'none'}).`,
  );
}
