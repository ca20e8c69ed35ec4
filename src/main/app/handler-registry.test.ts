import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { HandlerRegistry } from './handler-registry';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

describe('HandlerRegistry', () => {
  it('implements every name in the contract', () => {
    expect(app.registry.missing()).toEqual([]);
  });

  it('rejects unknown names and duplicate registrations', async () => {
    await expect(app.registry.invoke('profiles.drop', {})).rejects.toMatchObject({
      code: 'UNKNOWN_HANDLER',
    });
    await expect(app.registry.invoke('__proto__', {})).rejects.toMatchObject({
      code: 'UNKNOWN_HANDLER',
    });
    const registry = new HandlerRegistry();
    registry.registerHandlers({ 'profiles.list': async () => [] });
    expect(() => registry.registerHandlers({ 'profiles.list': async () => [] })).toThrow(
      /registered twice/,
    );
    expect(() =>
      registry.registerHandlers({ ['nope' as 'profiles.list']: async () => [] }),
    ).toThrow(/not in the contract/);
  });

  it('validates input before a handler runs and names the bad field', async () => {
    await expect(app.registry.invoke('profiles.create', { name: '' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/name: a name is required/),
    });
    await expect(
      app.registry.invoke('profiles.create', { name: 'A', level: 'guru' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/level/) });
    await expect(app.registry.invoke('profiles.create', 'not an object')).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await app.call('profiles.list', {})).toEqual([]);
  });

  it('validates outputs against the contract', async () => {
    const registry = new HandlerRegistry();
    registry.registerHandlers({ 'profiles.list': async () => [{ id: 1 }] as never });
    await expect(registry.invoke('profiles.list', {})).rejects.toThrow();
  });
});
