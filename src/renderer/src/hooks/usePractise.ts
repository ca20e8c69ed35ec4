import { useCallback, useState } from 'react';
import type { Level, Profile } from '../../../shared/contract';
import { useApi } from '../api/context';
import { startSession } from '../lib/sessions';
import type { Navigate } from '../navigation';

export interface PractiseTarget {
  questionId: string;
  /** Looked up from the bank when not known (results name the role by its title only). */
  roleId?: string;
  level?: Level;
}

/**
 * "Practise this question": a one-question session, started at once, opened in the interview
 * screen. `busyId` says which question is being prepared so only its button shows progress.
 */
export function usePractise(profile: Profile, navigate: Navigate) {
  const api = useApi();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const practise = useCallback(
    async (target: PractiseTarget) => {
      const { questionId } = target;
      setBusyId(questionId);
      setError(undefined);
      try {
        const known =
          target.roleId && target.level ? null : await api.invoke('bank.question', { questionId });
        const started = await startSession(api, {
          profileId: profile.id,
          roleId: target.roleId ?? known?.roleId ?? '',
          level: target.level ?? known?.level ?? profile.level,
          questionCount: 1,
          questionIds: [questionId],
        });
        navigate({ name: 'interview', sessionId: started.id, initial: started });
      } catch (e) {
        setError(e);
        setBusyId(null);
      }
    },
    [api, navigate, profile.id, profile.level],
  );

  return { practise, busyId, error };
}
