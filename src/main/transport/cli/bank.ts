import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { ImportReport, Output } from '../../../shared/contract';
import { startRehearse } from '../../app/rehearse-app';
import { resolveDataDir } from '../../platform/data-dir';
import { parsePackText } from '../../features/bank/parse-pack';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

/** `rehearse bank …`: stats, export, import and validate, over the same handlers as the app. */
export async function bankCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'validate':
      return validate(rest, io);
    case 'stats':
    case 'export':
    case 'import':
      break;
    default:
      throw new UsageError(
        `Unknown bank command "${sub ?? ''}": use stats, export, import or validate.`,
      );
  }
  const { values, positionals } = parseArgs({
    args: [...rest],
    options: {
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      role: { type: 'string', multiple: true },
      pack: { type: 'string', multiple: true },
      replace: { type: 'boolean', default: false },
      pin: { type: 'string' },
    },
    allowPositionals: true,
  });
  const app = await startRehearse({ dataDir: resolveDataDir(io.env), transport: 'web' });
  const call = (name: string, input: unknown) => app.registry.invoke(name, input);
  try {
    if (sub === 'stats') {
      const stats = await bankStats(call);
      io.stdout(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
      return 0;
    }
    if (sub === 'export') {
      if (!values.out) throw new UsageError('bank export needs --out FILE.');
      const result = (await call('packs.export', {
        roleIds: values.role,
        packIds: values.pack,
      })) as Output<'packs.export'>;
      fs.writeFileSync(values.out, result.text);
      io.stdout(`Exported ${result.questionCount} questions to ${values.out}\n`);
      return 0;
    }
    const file = positionals[0];
    if (!file) throw new UsageError('bank import needs a FILE.');
    const report = (await call('packs.import', {
      text: readFile(file),
      mode: values.replace ? 'replace' : 'merge',
      ...(values.pin !== undefined && { adminPin: values.pin }),
    })) as ImportReport;
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return 0;
  } finally {
    await app.close();
  }
}

function validate(argv: readonly string[], io: CliIo): number {
  const file = argv[0];
  if (!file) throw new UsageError('bank validate needs a FILE.');
  const { pack } = parsePackText(readFile(file), file);
  io.stdout(
    `${file}: valid pack "${pack.pack.id}" — ${pack.roles.length} roles, ${pack.questions.length} questions.\n`,
  );
  return 0;
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
}

type Call = (name: string, input: unknown) => Promise<unknown>;

export async function bankStats(call: Call) {
  const roles = (await call('bank.roles', {})) as Output<'bank.roles'>;
  const byRole: Record<
    string,
    {
      title: string;
      total: number;
      byLevel: Record<string, number>;
      byType: Record<string, number>;
    }
  > = {};
  const byLevel: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const incomplete = {
    missingIdealAnswer: 0,
    missingKeywords: 0,
    missingRubric: 0,
    missingFollowUps: 0,
  };
  let total = 0;
  for (const role of roles) {
    const entry = {
      title: role.title,
      total: 0,
      byLevel: {} as Record<string, number>,
      byType: {} as Record<string, number>,
    };
    for (const q of (await call('bank.questions', {
      roleId: role.id,
    })) as Output<'bank.questions'>) {
      total++;
      entry.total++;
      entry.byLevel[q.level] = (entry.byLevel[q.level] ?? 0) + 1;
      entry.byType[q.type] = (entry.byType[q.type] ?? 0) + 1;
      byLevel[q.level] = (byLevel[q.level] ?? 0) + 1;
      byType[q.type] = (byType[q.type] ?? 0) + 1;
      if (!q.idealAnswer.trim()) incomplete.missingIdealAnswer++;
      if (q.keywords.length === 0) incomplete.missingKeywords++;
      if (!q.rubric.strong || !q.rubric.adequate || !q.rubric.weak) incomplete.missingRubric++;
      if (q.followUps.length === 0) incomplete.missingFollowUps++;
    }
    byRole[role.id] = entry;
  }
  const packs = (await call('packs.list', {})) as Output<'packs.list'>;
  return {
    roles: roles.length,
    questions: total,
    byLevel,
    byType,
    incomplete,
    byRole,
    packs: packs.map((p) => ({ id: p.id, source: p.source, questions: p.questionCount })),
  };
}

function formatStats(s: Awaited<ReturnType<typeof bankStats>>): string {
  const lines = [`${s.roles} roles, ${s.questions} questions (${s.packs.length} packs)`];
  lines.push(
    `By level: ${Object.entries(s.byLevel)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  lines.push(
    `By type: ${Object.entries(s.byType)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  lines.push(
    `Incomplete: ${Object.entries(s.incomplete)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  for (const [id, r] of Object.entries(s.byRole))
    lines.push(`  ${id.padEnd(24)} ${String(r.total).padStart(4)}  ${r.title}`);
  return `${lines.join('\n')}\n`;
}

function formatReport(r: ImportReport): string {
  const lines = [
    `Imported pack "${r.packId}" (${r.packName}), ${r.mode}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.removed} removed.`,
  ];
  if (r.rolesAdded.length) lines.push(`New roles: ${r.rolesAdded.join(', ')}`);
  if (r.rolesKept.length) lines.push(`Existing roles kept as they were: ${r.rolesKept.join(', ')}`);
  for (const c of r.conflicts) lines.push(`Conflict: ${c.id}: ${c.reason}`);
  return `${lines.join('\n')}\n`;
}
