import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { openDatabase } from './open-database';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-db-'));
  dirs.push(dir);
  return path.join(dir, 'rehearse.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates a migrated WAL database with foreign keys on', async () => {
    const file = tempFile();
    const db = openDatabase(file, new FakeClock());
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    await db.close();
  });

  it('refuses a file that is not a database and leaves it byte for byte as it was', () => {
    const file = tempFile();
    const junk = Buffer.from('this is not sqlite at all, just some bytes '.repeat(200));
    fs.writeFileSync(file, junk);
    expect(() => openDatabase(file, new FakeClock())).toThrow(
      /cannot open its database.*not a database.*not changed/s,
    );
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
  });

  it('refuses a database from a newer schema and keeps its rows', () => {
    const file = tempFile();
    const raw = new BetterSqlite3(file);
    migrate(raw, new FakeClock());
    raw
      .prepare("INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', 'n', 'n')")
      .run();
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();

    expect(() => openDatabase(file, new FakeClock())).toThrow(/newer version of Rehearse/);
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.prepare('SELECT name FROM users').pluck().all()).toEqual(['Ana']);
    check.close();
  });

  it('backs up an older database before upgrading it', async () => {
    const file = tempFile();
    const raw = new BetterSqlite3(file);
    migrate(raw, new FakeClock(), { target: 1 });
    raw
      .prepare("INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', 'n', 'n')")
      .run();
    raw.close();

    const db = openDatabase(file, new FakeClock());
    await db.close();
    const backup = new BetterSqlite3(`${file}.before-schema-${LATEST_SCHEMA_VERSION}.bak`, {
      readonly: true,
    });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM users').pluck().all()).toEqual(['Ana']);
    backup.close();
  });

  it('starts an in-memory database as a copy of an image, leaving the image as it was', async () => {
    const source = new BetterSqlite3(':memory:');
    migrate(source, new FakeClock());
    source
      .prepare("INSERT INTO users (id, name, created_at, updated_at) VALUES ('u', 'Ana', 'n', 'n')")
      .run();
    const image = source.serialize();
    source.close();
    const before = Buffer.from(image);

    const db = openDatabase(':memory:', new FakeClock(), { image });
    expect(db.location).toBe(':memory:');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    db.sqlite.prepare("UPDATE users SET name = 'Ben'").run();
    expect(db.sqlite.prepare('SELECT name FROM users').pluck().all()).toEqual(['Ben']);
    await db.close();
    expect(image.equals(before)).toBe(true);
  });

  it('refuses an image for a database file, and an image that is not a database', () => {
    const file = tempFile();
    const junk = Buffer.from('this is not sqlite at all, just some bytes '.repeat(200));
    expect(() => openDatabase(file, new FakeClock(), { image: junk })).toThrow(
      /image can only start an in-memory database/,
    );
    expect(fs.existsSync(file)).toBe(false);
    expect(() => openDatabase(':memory:', new FakeClock(), { image: junk })).toThrow(
      /cannot open its database.*not a database/s,
    );
  });
});
