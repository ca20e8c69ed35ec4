import { useEffect, useState } from 'react';
import type { Profile, SessionState } from '../../../../shared/contract';
import { useApi, useQueryCache } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { useQuery } from '../../hooks/useQuery';
import { levelLabel, plural } from '../../lib/format';
import type { Navigate } from '../../navigation';
import { PlanNote } from './PlanNote';
import { QuestionPanel } from './QuestionPanel';

interface InterviewProps {
  profile: Profile;
  sessionId: string;
  initial: SessionState | undefined;
  navigate: Navigate;
}

export function Interview({ profile, sessionId, initial, navigate }: InterviewProps) {
  const api = useApi();
  const cache = useQueryCache();
  const target = { profileId: profile.id, sessionId };
  const opening = useOpenInterview(target, initial);
  // From here on the session's state lives in the query cache: the LLM may reword a follow-up
  // while it is on screen (only before anything is typed) and append the questions the bank
  // lacked; those events refresh it (api/invalidation.ts), and each answer or skip replaces it.
  const current = useQuery('interviews.get', target, { enabled: opening.done });
  const session = opening.done ? current.data : undefined;
  const loadError = opening.error ?? (session ? undefined : current.error);

  const [confirmEnd, setConfirmEnd] = useState(false);
  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState<unknown>(undefined);

  const end = async () => {
    setEnding(true);
    setEndError(undefined);
    try {
      await api.invoke('interviews.end', target);
      navigate({ name: 'results', sessionId });
    } catch (e) {
      setEndError(e);
      setEnding(false);
      setConfirmEnd(false);
    }
  };

  if (!session) {
    return (
      <main className="page">
        <h1 tabIndex={-1}>Interview</h1>
        {loadError !== undefined ? (
          <LoadFailed error={loadError} onRetry={opening.done ? current.refetch : opening.retry} />
        ) : (
          <Loading label="Opening your interview…" />
        )}
      </main>
    );
  }

  const question = session.currentQuestion;
  const position = question ? question.position + 1 : session.totalQuestions;
  const isOpen = session.status === 'active';
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <p className="eyebrow">Mock interview · {levelLabel(session.level)} level</p>
          <h1 tabIndex={-1}>{session.roleTitle}</h1>
        </div>
        {isOpen && question && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => setConfirmEnd(true)}
            disabled={ending}
          >
            End interview
          </button>
        )}
      </div>

      {isOpen && (
        <div className="progress-block">
          <p className="progress-block__label">
            {question?.followUp
              ? `Follow-up to question ${position} of ${session.totalQuestions}`
              : question
                ? `Question ${position} of ${session.totalQuestions}`
                : `${session.totalQuestions} of ${session.totalQuestions} done`}
          </p>
          <progress
            className="progress"
            max={session.totalQuestions}
            value={session.answeredCount}
            aria-label={`${session.answeredCount} of ${session.totalQuestions} questions done`}
          />
        </div>
      )}

      {isOpen && <PlanNote plan={session.plan} />}

      <ErrorAlert error={endError ?? current.error} />

      {isOpen && question && (
        <QuestionPanel
          key={question.id}
          profileId={profile.id}
          sessionId={sessionId}
          question={question}
          onAdvance={(next) => cache.set('interviews.get', target, next)}
          onStale={current.refetch}
        />
      )}

      {isOpen && !question && (
        <section className="card card--center" aria-labelledby="done-heading">
          <span className="done-mark" aria-hidden="true">
            ✓
          </span>
          <h2 id="done-heading">All questions answered</h2>
          <p className="muted">
            Nice work. Finish the interview to see your scores and feedback on each answer.
          </p>
          <div className="actions actions--center">
            <button
              type="button"
              className="button button--primary button--large"
              onClick={() => void end()}
              disabled={ending}
            >
              {ending ? 'Finishing…' : 'Finish and see results'}
            </button>
          </div>
        </section>
      )}

      {!isOpen && (
        <section className="card card--center">
          <h2>
            {session.status === 'completed'
              ? 'This interview is finished'
              : 'This interview was abandoned'}
          </h2>
          <p className="muted">It can no longer be answered, but its results are kept.</p>
          <div className="actions actions--center">
            <button
              type="button"
              className="button button--primary"
              onClick={() => navigate({ name: 'results', sessionId })}
            >
              See results
            </button>
            <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
              Back to home
            </button>
          </div>
        </section>
      )}

      <ConfirmDialog
        open={confirmEnd}
        title="End the interview now?"
        confirmLabel="Yes, end it"
        cancelLabel="Keep answering"
        busy={ending}
        onConfirm={() => void end()}
        onCancel={() => setConfirmEnd(false)}
      >
        <p>
          {session.totalQuestions > session.answeredCount &&
            `${plural(session.totalQuestions - session.answeredCount, 'question')} not answered yet will be marked as unanswered. `}
          Answers you already submitted are scored as usual.
        </p>
      </ConfirmDialog>
    </main>
  );
}

/**
 * Opening an unfinished session (re)starts its clock: time spent away does not count. The state
 * that comes back (or the one the setup screen just started) is stored in the query cache.
 */
function useOpenInterview(
  target: { profileId: string; sessionId: string },
  initial: SessionState | undefined,
): { done: boolean; error: unknown; retry: () => void } {
  const api = useApi();
  const cache = useQueryCache();
  const [attempt, setAttempt] = useState(0);
  const [opened, setOpened] = useState<{ attempt: number; error: unknown } | null>(null);
  const { profileId, sessionId } = target;
  useEffect(() => {
    let live = true;
    const ref = { profileId, sessionId };
    const open = async () => {
      if (initial) return initial;
      const current = await api.invoke('interviews.get', ref);
      return current.status === 'pending' || current.status === 'active'
        ? api.invoke('interviews.start', ref)
        : current;
    };
    open().then(
      (state) => {
        if (!live) return;
        cache.set('interviews.get', ref, state);
        setOpened({ attempt, error: undefined });
      },
      (error: unknown) => live && setOpened({ attempt, error }),
    );
    return () => {
      live = false;
    };
  }, [api, cache, profileId, sessionId, initial, attempt]);
  const settled = opened?.attempt === attempt ? opened : null;
  return {
    done: settled !== null && settled.error === undefined,
    error: settled?.error,
    retry: () => setAttempt((n) => n + 1),
  };
}
