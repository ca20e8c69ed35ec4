import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRehearse } from '../../app/rehearse-app';
import { completeSession } from '../../testing/sessions';
import { FakeClock, sequentialIds, type TestApp } from '../../testing/test-app';
import type { Output } from '../../../shared/contract';

// A real data folder (file database in WAL mode, recordings on disk): deletion must leave
// nothing in any table, in the database file's free pages, in the WAL, or on disk.
let dataDir: string;
let app: TestApp;
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-data-'));
  const clock = new FakeClock();
  const started = await startRehearse({
    dataDir,
    transport: 'web',
    clock,
    ids: sequentialIds(),
    engines: { embeddingModelDir: null, grammar: false, linguistics: false },
  });
  app = {
    ...started,
    clock,
    call: async (name, input) =>
      (await started.registry.invoke(name, input)) as Output<typeof name>,
  };
});
afterEach(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const MARKER = 'Quokkaberry';
const answer = (n: number) =>
  `${MARKER}${n}: I profiled the slow query, added an index on the user id column and measured again; latency fell from 900 ms to 120 ms.`;

/** A session whose first answer has a recording, as the speech issue will store it. */
async function sessionWithRecording(profileId: string, n: number) {
  const results = await completeSession(app, profileId, { answers: [answer(n), answer(n + 1)] });
  const rel = path.join('recordings', results.sessionId, 'answer-0.webm');
  fs.mkdirSync(path.join(dataDir, path.dirname(rel)), { recursive: true });
  fs.writeFileSync(path.join(dataDir, rel), Buffer.from(`${MARKER} audio bytes ${n}`));
  await app.context.db
    .updateTable('answers')
    .set({ audio_url: rel })
    .where('id', '=', results.answers[0]!.answerId!)
    .execute();
  return results;
}

/**
 * Every row of every table that mentions `needle`. The FTS index is read through its shadow
 * tables (questions_fts_content, questions_fts_data, …), which hold everything it stores.
 */
function rowsMentioning(needle: string): string[] {
  const sqlite = app.database.sqlite;
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'",
    )
    .pluck()
    .all() as string[];
  return tables.flatMap((t) =>
    sqlite
      .prepare(`SELECT * FROM "${t}"`)
      .all()
      .map((r) =>
        JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)),
      )
      .filter((s) => s.includes(needle))
      .map((s) => `${t}: ${s.slice(0, 120)}`),
  );
}

function fileMentions(needle: string): boolean {
  return ['rehearse.db', 'rehearse.db-wal'].some((f) => {
    const file = path.join(dataDir, f);
    return fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(needle));
  });
}

describe('data export', () => {
  it('puts JSON, CSV and recordings of one profile in one zip', async () => {
    const ana = (await app.call('profiles.create', { name: 'Zoë Łukasiewicz 李明' })).id;
    const ben = (await app.call('profiles.create', { name: 'Ben' })).id;
    const s1 = await sessionWithRecording(ana, 1);
    await completeSession(app, ben, { answers: ['Ben’s own answer that must not leak.'] });

    const out = await app.call('data.export', { profileId: ana });
    expect(out).toMatchObject({
      sessions: 1,
      answers: 2,
      recordings: 1,
      mimeType: 'application/zip',
    });
    expect(out.fileName).toBe('rehearse-export-zoe-ukasiewicz-2026-03-02.zip');
    const zip = path.join(dataDir, 'export.zip');
    fs.writeFileSync(zip, Buffer.from(out.base64, 'base64'));
    const names = execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n');
    expect(names).toEqual([
      'README.txt',
      'profile.json',
      'sessions.json',
      'sessions.csv',
      'answers.csv',
      `recordings/${s1.sessionId}/answer-0.webm`,
    ]);
    const read = (name: string) => execFileSync('unzip', ['-p', zip, name]).toString('utf8');
    expect(JSON.parse(read('profile.json'))).toMatchObject({
      profile: { name: 'Zoë Łukasiewicz 李明' },
    });
    const sessions = JSON.parse(read('sessions.json')) as { answers: { answerText: string }[] }[];
    expect(sessions[0]!.answers.map((a) => a.answerText)).toEqual([answer(1), answer(2)]);
    const csv = read('answers.csv').trim().split('\r\n');
    expect(csv[0]).toMatch(/^session_id,position,question_id,question,status,answer,overall/);
    expect(csv).toHaveLength(3);
    expect(csv[1]).toContain(`${MARKER}1`);
    expect(read('sessions.csv')).toContain(String(s1.scores!.overall));
    expect(read(`recordings/${s1.sessionId}/answer-0.webm`)).toBe(`${MARKER} audio bytes 1`);
    expect(read('sessions.json')).not.toContain('must not leak');
  });
});

describe('data deletion', () => {
  it('deletes one session with its rows, job payloads and recordings; the rest stays', async () => {
    const ana = (await app.call('profiles.create', { name: 'Ana' })).id;
    const gone = await sessionWithRecording(ana, 1);
    const kept = await sessionWithRecording(ana, 3);
    expect(rowsMentioning(gone.sessionId).length).toBeGreaterThan(0);
    expect(rowsMentioning(gone.answers[0]!.answerId!).some((r) => r.startsWith('jobs'))).toBe(true);

    expect(fileMentions(`${MARKER}1:`)).toBe(true);
    const result = await app.call('data.deleteSession', {
      profileId: ana,
      sessionId: gone.sessionId,
    });
    expect(result).toEqual({ sessionId: gone.sessionId, filesRemoved: 1 });
    expect(rowsMentioning(gone.sessionId)).toEqual([]);
    for (const a of gone.answers) expect(rowsMentioning(a.answerId!)).toEqual([]);
    expect(rowsMentioning(`${MARKER}1`)).toEqual([]);
    expect(fileMentions(`${MARKER}1:`)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'recordings', gone.sessionId))).toBe(false);
    // The other session is untouched.
    expect(fs.existsSync(path.join(dataDir, 'recordings', kept.sessionId, 'answer-0.webm'))).toBe(
      true,
    );
    expect((await app.call('results.history', { profileId: ana })).total).toBe(1);
    expect((await app.call('progress.stats', { profileId: ana })).sessions).toBe(1);
    await expect(
      app.call('results.session', { profileId: ana, sessionId: gone.sessionId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('will not delete another profile’s session', async () => {
    const ana = (await app.call('profiles.create', { name: 'Ana' })).id;
    const ben = (await app.call('profiles.create', { name: 'Ben' })).id;
    const s = await sessionWithRecording(ana, 1);
    await expect(
      app.call('data.deleteSession', { profileId: ben, sessionId: s.sessionId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(rowsMentioning(s.sessionId).length).toBeGreaterThan(0);
  });

  it('deletes a whole profile only when its name is confirmed, leaving no trace', async () => {
    const name = 'Zoë Quokkaberry-Łukasiewicz';
    const ana = (await app.call('profiles.create', { name, skills: ['sql'] })).id;
    await app.call('settings.update', { profileId: ana, theme: 'dark' });
    const s1 = await sessionWithRecording(ana, 1);
    const s2 = await sessionWithRecording(ana, 3);
    const ben = (await app.call('profiles.create', { name: 'Ben' })).id;
    const bens = await completeSession(app, ben, { answers: ['Ben keeps his answer.'] });

    expect(fileMentions(MARKER)).toBe(true); // so the check after deletion can fail
    await expect(
      app.call('data.deleteProfile', { profileId: ana, confirmName: 'Zoe' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(rowsMentioning(ana).length).toBeGreaterThan(0);

    const result = await app.call('data.deleteProfile', { profileId: ana, confirmName: name });
    expect(result).toEqual({ profileId: ana, sessionsRemoved: 2, filesRemoved: 2 });
    for (const id of [ana, s1.sessionId, s2.sessionId, ...s1.answers.map((a) => a.answerId!)])
      expect(rowsMentioning(id)).toEqual([]);
    expect(rowsMentioning(MARKER)).toEqual([]);
    expect(fileMentions(MARKER)).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, 'recordings'))).toEqual([]);
    expect((await app.call('profiles.list', {})).map((p) => p.name)).toEqual(['Ben']);
    expect(
      (await app.call('results.session', { profileId: ben, sessionId: bens.sessionId })).answers[0]!
        .answerText,
    ).toBe('Ben keeps his answer.');
  });
});
