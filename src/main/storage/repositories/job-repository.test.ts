import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { openDatabase, type AppDatabase } from '../open-database';
import { JobRepository } from './job-repository';

let database: AppDatabase;
let jobs: JobRepository;
beforeEach(() => {
  database = openDatabase(':memory:', new FakeClock());
  jobs = new JobRepository(database.db);
});
afterEach(() => database.close());

async function add(id: string, type: string, minute: number): Promise<void> {
  const now = `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
  await jobs.insert({ id, type, payload: '{}', maxAttempts: 1, now });
}

describe('JobRepository', () => {
  it('gives the oldest queued job of the types a lane runs', async () => {
    await add('a', 'score', 3);
    await add('b', 'download', 1);
    await add('c', 'generate', 2);
    expect((await jobs.nextQueued({}))?.id).toBe('b');
    expect((await jobs.nextQueued({ only: ['score', 'generate'] }))?.id).toBe('c');
    expect((await jobs.nextQueued({ except: ['download', 'generate'] }))?.id).toBe('a');
    expect((await jobs.nextQueued({ only: ['score'], except: ['score'] }))?.id).toBeUndefined();
    expect(await jobs.nextQueued({ only: ['nothing-of-this-type'] })).toBeUndefined();
  });

  it("puts back only its own lane's running jobs", async () => {
    await add('a', 'score', 1);
    await add('b', 'download', 2);
    await jobs.markRunning('a', 1, 'later');
    await jobs.markRunning('b', 1, 'later');
    await jobs.requeueRunning({ except: ['download'] }, 'restart');
    expect(await jobs.byId('a')).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await jobs.byId('b')).toMatchObject({ status: 'running' });
    await jobs.requeueRunning({ only: ['download'] }, 'restart');
    expect(await jobs.byId('b')).toMatchObject({ status: 'queued', updated_at: 'restart' });
  });
});
