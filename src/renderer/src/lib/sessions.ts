import type { HistoryItem, Input, RehearseApi, SessionState } from '../../../shared/contract';
import type { Screen } from '../navigation';

/** Where a past session opens: finished ones show results, unfinished ones carry on. */
export function sessionScreen(item: Pick<HistoryItem, 'sessionId' | 'status'>): Screen {
  return item.status === 'pending' || item.status === 'active'
    ? { name: 'interview', sessionId: item.sessionId }
    : { name: 'results', sessionId: item.sessionId };
}

export function sessionActionLabel(item: Pick<HistoryItem, 'status'>): string {
  return item.status === 'pending' || item.status === 'active' ? 'Continue' : 'View results';
}

/** Creates a session and starts it at once, for screens that go straight to the interview. */
export async function startSession(
  api: RehearseApi,
  input: Input<'interviews.create'>,
): Promise<SessionState> {
  const created = await api.invoke('interviews.create', input);
  return api.invoke('interviews.start', { profileId: input.profileId, sessionId: created.id });
}
