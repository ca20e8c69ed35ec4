import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePack } from '../../testing/pack-fixtures';
import { runCliIn } from '../../testing/cli-harness';

let dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-bank-cli-'));
  dirs.push(dir);
  return dir;
};
beforeEach(() => {
  dirs = [];
});
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const cli = runCliIn;

describe('rehearse bank', () => {
  it('stats: at least 20 roles and 600 questions, every one complete', async () => {
    const { code, stdout } = await cli(tempDir(), ['bank', 'stats', '--json']);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout) as {
      roles: number;
      questions: number;
      incomplete: Record<string, number>;
      byLevel: Record<string, number>;
      byType: Record<string, number>;
    };
    expect(stats.roles).toBeGreaterThanOrEqual(20);
    expect(stats.questions).toBeGreaterThanOrEqual(600);
    expect(stats.incomplete).toEqual({
      missingIdealAnswer: 0,
      missingKeywords: 0,
      missingRubric: 0,
      missingFollowUps: 0,
    });
    expect(Object.keys(stats.byLevel).sort()).toEqual(['entry', 'intermediate', 'senior']);
    expect(Object.keys(stats.byType).sort()).toEqual([
      'behavioral',
      'motivation',
      'role-specific',
      'situational',
      'technical',
    ]);
  });

  it('export → import into an empty data dir round-trips to identical content', async () => {
    const first = tempDir();
    const packFile = path.join(first, 'lab.json');
    fs.writeFileSync(packFile, JSON.stringify(makePack({ count: 5 })));
    expect((await cli(first, ['bank', 'import', packFile])).stdout).toMatch(/5 added/);
    const out1 = path.join(first, 'export.json');
    expect((await cli(first, ['bank', 'export', '--out', out1])).code).toBe(0);

    const second = tempDir();
    const imported = await cli(second, ['bank', 'import', out1, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ conflicts: [], added: 5 });
    const out2 = path.join(second, 'export.json');
    await cli(second, ['bank', 'export', '--out', out2]);
    const a = JSON.parse(fs.readFileSync(out1, 'utf8')) as {
      questions: unknown[];
      roles: unknown[];
    };
    const b = JSON.parse(fs.readFileSync(out2, 'utf8')) as {
      questions: unknown[];
      roles: unknown[];
    };
    expect(b.questions).toEqual(a.questions);
    expect(b.roles).toEqual(a.roles);
    expect(a.questions.length).toBeGreaterThanOrEqual(605);

    const oneRole = path.join(second, 'lab-only.json');
    expect(
      (await cli(second, ['bank', 'export', '--out', oneRole, '--role', 'lab-technician'])).stdout,
    ).toMatch(/Exported 5 questions/);
  });

  it('validate and import name the offending item and change nothing', async () => {
    const dir = tempDir();
    const bad = makePack();
    bad.questions[2]!.content = 'Visit <a href="x">this</a>';
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    const validated = await cli(dir, ['bank', 'validate', file]);
    expect(validated.code).toBe(1);
    expect(validated.stderr).toMatch(
      /questions\[2\] \(id "lab-3"\)\.content: the question contains HTML/,
    );
    expect((await cli(dir, ['bank', 'import', file])).code).toBe(1);
    const stats = JSON.parse((await cli(dir, ['bank', 'stats', '--json'])).stdout) as {
      byRole: Record<string, unknown>;
    };
    expect(stats.byRole['lab-technician']).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify(makePack()));
    expect((await cli(dir, ['bank', 'validate', file])).stdout).toMatch(
      /valid pack "career-centre-lab" — 1 roles, 6 questions/,
    );
  });
});
