import { useEffect, useState } from 'react';
import type { Profile, SessionState } from '../../../shared/contract';
import { useApi } from '../api/context';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert, LoadFailed, Loading } from '../components/Feedback';
import { useLoad } from '../hooks/useLoad';
import { levelLabel, plural } from '../lib/format';
import type { Navigate } from '../navigation';
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
  const target = { profileId: profile.id, sessionId };
  // Opening an unfinished session (re)starts its clock: time spent away does not count.
  const loaded = useLoad(`interview:${sessionId}`, async () => {
    if (initial) return initial;
    const current = await api.invoke('interviews.get', target);
    return current.status === 'pending' || current.status === 'active'
      ? api.invoke('interviews.start', target)
      : current;
  });
  const [latest, setLatest] = useState<SessionState | null>(null);
  const session = latest ?? loaded.data;

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

  const refresh = async () => {
    try {
      setLatest(await api.invoke('interviews.get', target));
    } catch (e) {
      setEndError(e);
    }
  };

  // The LLM may reword a follow-up while it is on screen (only before anything is typed), and
  // append the questions the bank lacked while the interview runs.
  useEffect(() => {
    const offFollowUp = api.on('followup.updated', (event) => {
      if (event.sessionId === sessionId) void refresh();
    });
    const offPlan = api.on('interview.plan', (event) => {
      if (event.sessionId === sessionId) void refresh();
    });
    return () => {
      offFollowUp();
      offPlan();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh reads only stable values
  }, [api, sessionId]);

  if (!session) {
    return (
      <main className="page">
        <h1 tabIndex={-1}>Interview</h1>
        {loaded.error !== undefined ? (
          <LoadFailed error={loaded.error} onRetry={loaded.reload} />
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

      <ErrorAlert error={endError} />

      {isOpen && question && (
        <QuestionPanel
          key={question.id}
          profileId={profile.id}
          sessionId={sessionId}
          question={question}
          onAdvance={setLatest}
          onStale={() => void refresh()}
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
