// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../api/context';
import { useQuery } from '../hooks/useQuery';
import { createFakeApi } from '../testing/fake-api';
import { RestartNotice } from './RestartNotice';

afterEach(cleanup);

function ProfileCount() {
  const profiles = useQuery('profiles.list', {});
  return <p>{profiles.data ? `${profiles.data.length} profiles` : 'loading'}</p>;
}

describe('after the background process restarts', () => {
  it('says so until dismissed, and reloads what the lost events may have changed', async () => {
    let profiles = 0;
    const api = createFakeApi({
      'profiles.list': () =>
        Array.from({ length: profiles }, (_, i) => ({
          id: `p${i}`,
          name: `P${i}`,
          targetRoleId: null,
          skills: [],
          level: 'entry' as const,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        })),
    });
    render(
      <ApiProvider client={api}>
        <RestartNotice />
        <ProfileCount />
      </ApiProvider>,
    );
    expect(await screen.findByText('0 profiles')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();

    profiles = 1; // changed while the backend was down; its event never arrived
    act(() => api.emit('backend.restarted', { reason: 'it was stopped by SIGKILL', restarts: 1 }));
    expect(screen.getByRole('status').textContent).toMatch(/restarted its background work/);
    expect(await screen.findByText('1 profiles')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
