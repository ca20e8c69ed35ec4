// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/contract';
import { ApiProvider } from '../api/context';
import { createFakeApi } from '../testing/fake-api';
import { EngineProblems } from './EngineProblems';

afterEach(cleanup);

describe('engines that failed to load', () => {
  it('are named once the first scoring has loaded the engines, and nothing is shown before', async () => {
    let problems: string[] = [];
    const info = (): AppInfo => ({
      version: '0.1.0',
      dataDir: '/data',
      schemaVersion: 8,
      scorer: 'lexical@3',
      transport: 'web',
      engineProblems: problems,
    });
    const api = createFakeApi({ 'app.info': info });
    render(
      <ApiProvider client={api}>
        <EngineProblems />
      </ApiProvider>,
    );
    await act(async () => {
      await Promise.resolve();
    });
    expect(api.callsTo('app.info')).toHaveLength(1);
    expect(screen.queryByTestId('engine-problems')).toBeNull();

    problems = [
      'embedding model: its files could not be loaded. Reinstall it from the model manager.',
    ];
    act(() => api.emit('answer.scored', { sessionId: 's1', answerId: 'a1' }));
    const alert = await screen.findByTestId('engine-problems');
    expect(alert.textContent).toMatch(/failed to load/);
    expect(alert.textContent).toContain('embedding model: its files could not be loaded');
  });
});
