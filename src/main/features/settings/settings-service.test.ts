import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

describe('settings', () => {
  it('starts from defaults, stores changes per profile, and ignores damaged values', async () => {
    const ana = await app.call('profiles.create', { name: 'Ana' });
    const ben = await app.call('profiles.create', { name: 'Ben' });
    expect(await app.call('settings.get', { profileId: ana.id })).toMatchObject({
      theme: 'system',
      defaultQuestionCount: 5,
      grammarCheck: 'standard',
    });
    expect(
      await app.call('settings.update', { profileId: ana.id, grammarCheck: 'thorough' }),
    ).toMatchObject({ grammarCheck: 'thorough' });
    await expect(
      app.call('settings.update', { profileId: ana.id, grammarCheck: 'pedantic' as 'thorough' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await app.call('settings.update', { profileId: ana.id, theme: 'dark' })).toMatchObject({
      theme: 'dark',
      defaultQuestionCount: 5,
    });
    expect(await app.call('settings.get', { profileId: ben.id })).toMatchObject({
      theme: 'system',
      defaultQuestionCount: 5,
    });

    await app.context.db
      .updateTable('settings')
      .set({ value: '"neon"' })
      .where('key', '=', 'theme')
      .execute();
    expect((await app.call('settings.get', { profileId: ana.id })).theme).toBe('system');
    await expect(
      app.call('settings.update', { profileId: ana.id, defaultQuestionCount: 99 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.call('settings.get', { profileId: 'nobody' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
