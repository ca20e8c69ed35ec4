// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../../shared/contract';

type HistoryPage = Output<'results.history'>;
import { ApiProvider } from '../api/context';
import { createFakeApi } from '../testing/fake-api';
import { useQuery } from './useQuery';

afterEach(cleanup);

/** History pages whose replies the test releases one by one, keyed by offset. */
function slowHistory() {
  const pending = new Map<number, (page: HistoryPage) => void>();
  const api = createFakeApi({
    'results.history': (input) =>
      new Promise<HistoryPage>((resolve) => pending.set(input.offset ?? 0, resolve)),
  });
  const reply = (offset: number) => act(() => pending.get(offset)!({ items: [], total: offset }));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider client={api}>{children}</ApiProvider>
  );
  return { api, reply, wrapper };
}

type HistoryInput = Input<'results.history'>;

describe('useQuery', () => {
  it('keeps the previous page on screen while the next loads, and never lets a slow old page back', async () => {
    const { api, reply, wrapper } = slowHistory();
    const { result, rerender } = renderHook(
      (input: HistoryInput) => useQuery('results.history', input, { keepPrevious: true }),
      { wrapper, initialProps: { profileId: 'p1', offset: 0 } },
    );
    expect(result.current).toMatchObject({ data: undefined, loading: true });
    reply(0);
    await waitFor(() => expect(result.current.data).toMatchObject({ total: 0 }));

    rerender({ profileId: 'p1', offset: 20 });
    expect(result.current).toMatchObject({ data: { total: 0 }, loading: true });
    rerender({ profileId: 'p1', offset: 40 });
    reply(40);
    await waitFor(() => expect(result.current.data).toMatchObject({ total: 40 }));
    reply(20); // the page asked for in between answers last
    expect(result.current).toMatchObject({ data: { total: 40 }, loading: false });
    expect(api.callsTo('results.history').map((i) => i.offset)).toEqual([0, 20, 40]);
  });

  it('without keepPrevious shows nothing for a new input until its answer arrives', async () => {
    const { reply, wrapper } = slowHistory();
    const { result, rerender } = renderHook(
      (input: HistoryInput) => useQuery('results.history', input),
      { wrapper, initialProps: { profileId: 'p1', offset: 0 } },
    );
    reply(0);
    await waitFor(() => expect(result.current.data).toMatchObject({ total: 0 }));
    rerender({ profileId: 'p1', offset: 20 });
    expect(result.current).toMatchObject({ data: undefined, loading: true });
  });

  it('shares one request between two components asking for the same thing', async () => {
    const { api, reply, wrapper } = slowHistory();
    const useBoth = () => [
      useQuery('results.history', { profileId: 'p1', offset: 0 }),
      useQuery('results.history', { offset: 0, profileId: 'p1' }),
    ];
    const { result } = renderHook(useBoth, { wrapper });
    reply(0);
    await waitFor(() => expect(result.current[1]!.data).toMatchObject({ total: 0 }));
    expect(result.current[0]!.data).toBe(result.current[1]!.data);
    expect(api.callsTo('results.history')).toHaveLength(1);
  });
});
