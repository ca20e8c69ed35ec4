import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { levelSchema, MAX_QUESTIONS, type SessionResults } from '../../../shared/contract';
import { startRehearse, type RehearseApp } from '../../app/rehearse-app';
import { resolveDataDir } from '../../platform/data-dir';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

const answersFileSchema = z
  .array(z.string().nullable())
  .min(1, 'give at least one answer')
  .max(MAX_QUESTIONS, `at most ${MAX_QUESTIONS} answers (one per question)`);

/** `rehearse practice`: a whole interview, headless, over the same handlers as the app. */
export async function practiceCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      role: { type: 'string' },
      level: { type: 'string' },
      answers: { type: 'string' },
      profile: { type: 'string', default: 'CLI' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.role || !values.level || !values.answers)
    throw new UsageError('practice needs --role, --level and --answers.');
  const level = levelSchema.safeParse(values.level);
  if (!level.success)
    throw new UsageError(`--level must be entry, intermediate or senior, not "${values.level}".`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0))
    throw new UsageError('--seed must be a whole number ≥ 0.');
  const answers = readAnswers(values.answers);

  const app = await startRehearse({ dataDir: resolveDataDir(io.env), transport: 'web' });
  try {
    const results = await practice(app, {
      role: values.role,
      level: level.data,
      answers,
      profileName: values.profile,
      seed,
    });
    io.stdout(values.json ? `${JSON.stringify(results, null, 2)}\n` : formatResults(results));
    return 0;
  } finally {
    await app.close();
  }
}

async function practice(
  app: RehearseApp,
  opts: {
    role: string;
    level: z.infer<typeof levelSchema>;
    answers: (string | null)[];
    profileName: string;
    seed: number | undefined;
  },
): Promise<SessionResults & { profileId: string }> {
  const call = (name: string, input: unknown) => app.registry.invoke(name, input);
  const roles = (await call('bank.roles', {})) as { id: string }[];
  if (!roles.some((r) => r.id === opts.role)) {
    throw new UsageError(
      `Unknown role "${opts.role}". Roles: ${roles.map((r) => r.id).join(', ')}.`,
    );
  }
  const profiles = (await call('profiles.list', {})) as { id: string; name: string }[];
  const profile =
    profiles.find((p) => p.name === opts.profileName) ??
    ((await call('profiles.create', {
      name: opts.profileName,
      targetRoleId: opts.role,
      level: opts.level,
    })) as { id: string });
  const profileId = profile.id;

  const created = (await call('interviews.create', {
    profileId,
    roleId: opts.role,
    level: opts.level,
    questionCount: opts.answers.length,
    ...(opts.seed !== undefined && { seed: opts.seed }),
  })) as { id: string };
  const sessionId = created.id;
  let state = (await call('interviews.start', { profileId, sessionId })) as {
    currentQuestion: { id: string } | null;
  };
  for (const answer of opts.answers) {
    const question = state.currentQuestion;
    if (!question) break; // fewer questions in the bank than answers given
    if (answer === null || answer.trim() === '') {
      state = (await call('interviews.skip', {
        profileId,
        sessionId,
        questionId: question.id,
      })) as typeof state;
    } else {
      const reply = (await call('interviews.answer', {
        profileId,
        sessionId,
        questionId: question.id,
        text: answer,
      })) as { session: typeof state };
      state = reply.session;
    }
  }
  await call('interviews.end', { profileId, sessionId });
  await app.jobs.whenIdle();
  const results = (await call('results.session', { profileId, sessionId })) as SessionResults;
  return { profileId, ...results };
}

function readAnswers(file: string): (string | null)[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read the answers file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(
      `${file} is not valid JSON: it must be an array of strings, one answer per question.`,
    );
  }
  const parsed = answersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `${file}: ${issue?.path.length ? `item ${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}

function formatResults(r: SessionResults & { profileId: string }): string {
  const lines = [`Session ${r.sessionId} (${r.roleTitle}, ${r.level}): ${r.status}`];
  lines.push(
    r.scores
      ? `Overall ${r.scores.overall}/100 — content ${r.scores.content}, communication ${r.scores.communication}, technical ${r.scores.technical}, relevance ${r.scores.relevance}`
      : 'No scored answers.',
  );
  for (const a of r.answers) {
    lines.push('', `Q${a.position + 1} [${a.status}] ${a.question}`);
    if (a.scores) lines.push(`  score ${a.scores.overall}/100`);
    for (const s of a.strengths) lines.push(`  + ${s}`);
    for (const i of a.improvements) lines.push(`  - ${i}`);
  }
  if (r.recommendations.length)
    lines.push('', 'Recommendations:', ...r.recommendations.map((x) => `  • ${x}`));
  return `${lines.join('\n')}\n`;
}
