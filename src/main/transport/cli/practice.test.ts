import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../testing/cli-harness';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-cli-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cli = (args: string[]) => runCliIn(dataDir, args);

function answersFile(answers: unknown): string {
  const file = path.join(dataDir, 'answers.json');
  fs.writeFileSync(file, JSON.stringify(answers));
  return file;
}

describe('rehearse practice', () => {
  it('runs a whole interview and prints the results as JSON', async () => {
    const file = answersFile([
      'I would first clarify the requirements with the stakeholders, then write tests and review the code.',
      null,
      'When our deploy failed I led the rollback, found the root cause in a config change and added a check; incidents fell by 40%.',
    ]);
    const { code, stdout, stderr } = await cli([
      'practice',
      '--role',
      'software-engineer',
      '--level',
      'entry',
      '--answers',
      file,
      '--profile',
      'Lab 3',
      '--seed',
      '5',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      sessionId: string;
      status: string;
      scores: { overall: number };
      answers: { status: string }[];
    };
    expect(result.status).toBe('completed');
    expect(result.answers.map((a) => a.status)).toEqual(['scored', 'skipped', 'scored']);
    expect(result.scores.overall).toBeGreaterThan(0);

    const db = new BetterSqlite3(path.join(dataDir, 'rehearse.db'), { readonly: true });
    expect(
      db
        .prepare('SELECT status, overall_score FROM interview_sessions WHERE id = ?')
        .get(result.sessionId),
    ).toEqual({ status: 'completed', overall_score: result.scores.overall });
    expect(db.prepare('SELECT name FROM users').pluck().all()).toEqual(['Lab 3']);
    db.close();
  });

  it('explains bad usage with exit code 2', async () => {
    expect((await cli(['practice', '--role', 'software-engineer'])).stderr).toMatch(
      /needs --role, --level and --answers/,
    );
    const badLevel = await cli([
      'practice',
      '--role',
      'software-engineer',
      '--level',
      'guru',
      '--answers',
      answersFile(['a']),
    ]);
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toMatch(/--level must be entry, intermediate or senior/);
    const badRole = await cli([
      'practice',
      '--role',
      'astronaut',
      '--level',
      'entry',
      '--answers',
      answersFile(['a']),
    ]);
    expect(badRole.stderr).toMatch(/Unknown role "astronaut". Roles: .*software-engineer/);
    const notArray = await cli([
      'practice',
      '--role',
      'software-engineer',
      '--level',
      'entry',
      '--answers',
      answersFile({ a: 1 }),
    ]);
    expect(notArray.stderr).toMatch(/answers\.json/);
    expect(
      (
        await cli([
          'practice',
          '--role',
          'x',
          '--level',
          'entry',
          '--answers',
          path.join(dataDir, 'missing.json'),
        ])
      ).stderr,
    ).toMatch(/ENOENT/);
    expect((await cli(['fly'])).code).toBe(2);
  });

  it('works as the installed `rehearse` bin', async () => {
    const root = path.resolve(import.meta.dirname, '../../../..');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(root, 'bin/rehearse.mjs'),
        'practice',
        '--role',
        'ux-designer',
        '--level',
        'senior',
        '--answers',
        answersFile(['I run usability tests with five users and iterate.']),
        '--json',
      ],
      {
        env: { ...process.env, REHEARSE_DATA_DIR: dataDir },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'completed',
      roleTitle: expect.any(String),
      answers: [{ status: 'scored' }],
    });
  }, 60_000);
});
