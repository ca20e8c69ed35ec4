import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makePack } from './pack-fixtures';
import { createTestApp, seededSnapshot, type TestApp } from './test-app';

const apps: TestApp[] = [];
async function started(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const app = await createTestApp(options);
  apps.push(app);
  return app;
}
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** Every row of every table (FTS shadow tables included), in a stable order. */
function contents(sqlite: BetterSqlite3.Database): Record<string, string[]> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      sqlite
        .prepare(`SELECT * FROM "${table}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

// A ':memory:' location given outright takes the old path: migrate and install on this start.
const fresh = { databaseLocation: ':memory:' };

describe('createTestApp from a seeded snapshot', () => {
  it('starts with exactly the data a fresh start makes, built-in bank and custom packs alike', async () => {
    const fromSnapshot = await started();
    const fromScratch = await started(fresh);
    const bank = contents(fromSnapshot.database.sqlite);
    expect(bank['questions']?.length).toBeGreaterThan(100);
    expect(bank).toEqual(contents(fromScratch.database.sqlite));

    const builtinPacks = [makePack({ id: 'builtin-lab', prefix: 'core' })];
    const custom = await started({ builtinPacks });
    const customFresh = await started({ builtinPacks, ...fresh });
    expect(contents(custom.database.sqlite)).toEqual(contents(customFresh.database.sqlite));
    expect(contents(custom.database.sqlite)['questions']).toHaveLength(
      builtinPacks[0]!.questions.length,
    );
  });

  it('gives each app its own database, with the ids and times a fresh start would give', async () => {
    const first = await started();
    const second = await started();
    const scratch = await started(fresh);
    const ana = await first.call('profiles.create', { name: 'Ana' });
    const ben = await second.call('profiles.create', { name: 'Ben' });
    const cleo = await scratch.call('profiles.create', { name: 'Cleo' });

    expect((await first.call('profiles.list', {})).map((p) => p.name)).toEqual(['Ana']);
    expect((await second.call('profiles.list', {})).map((p) => p.name)).toEqual(['Ben']);
    expect(ana.id).toBe(cleo.id);
    expect(ben.id).toBe(cleo.id);
    expect(ana.createdAt).toBe(cleo.createdAt);
    expect(first.clock.now()).toEqual(scratch.clock.now());
    // The snapshot itself is a copy too: a later app does not see what earlier ones wrote.
    const third = await started();
    expect(await third.call('profiles.list', {})).toEqual([]);
  });

  it('does not change the database when the built-in packs are already installed', async () => {
    const app = await started();
    const changes = app.database.sqlite.prepare('SELECT total_changes()').pluck().get();
    expect(changes).toBe(0);
  });

  it('builds one snapshot per set of built-in packs and retries one that failed', async () => {
    expect(await seededSnapshot()).toBe(await seededSnapshot());
    const lab = [makePack({ id: 'builtin-lab', prefix: 'core' })];
    expect(await seededSnapshot(lab)).toBe(await seededSnapshot(structuredClone(lab)));
    expect(await seededSnapshot(lab)).not.toBe(await seededSnapshot());

    const broken = [{ format: 'not a pack' }];
    const failed = seededSnapshot(broken);
    await expect(failed).rejects.toThrow(/not a valid question pack/);
    const retried = seededSnapshot(broken);
    expect(retried).not.toBe(failed);
    await expect(retried).rejects.toThrow(/not a valid question pack/);
  });
});
