import { useState } from 'react';
import type { Profile, SessionState } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { SessionOpenButton } from '../../components/SessionOpenButton';
import { SessionStatusBadge } from '../../components/StatusBadge';
import { useQuery } from '../../hooks/useQuery';
import { formatDate, formatScore, levelLabel } from '../../lib/format';
import type { Navigate } from '../../navigation';

interface HomeProps {
  profile: Profile;
  navigate: Navigate;
}

export function Home({ profile, navigate }: HomeProps) {
  const resumable = useQuery('interviews.resumable', { profileId: profile.id });
  const recent = useQuery('results.history', { profileId: profile.id, limit: 5, offset: 0 });

  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1 tabIndex={-1}>Welcome, {profile.name}</h1>
          <p className="lead">
            Practise answering out loud in your own words, then see what to work on.
          </p>
        </div>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => navigate({ name: 'profile-edit' })}
        >
          Edit profile
        </button>
      </div>

      <section className="card hero" aria-labelledby="start-heading">
        <div>
          <h2 id="start-heading">Ready for a practice round?</h2>
          <p className="muted">
            Pick a role and a level, answer a handful of questions at your own pace, and get
            feedback on each answer.
          </p>
        </div>
        <button
          type="button"
          className="button button--primary button--large"
          onClick={() => navigate({ name: 'setup' })}
        >
          Start a new interview
        </button>
      </section>

      {resumable.error !== undefined && (
        <LoadFailed error={resumable.error} onRetry={resumable.refetch} />
      )}
      {resumable.data && (
        <ResumeCard session={resumable.data} profile={profile} navigate={navigate} />
      )}

      <section aria-labelledby="recent-heading" className="section">
        <div className="section-head">
          <h2 id="recent-heading">Recent interviews</h2>
          {recent.data && recent.data.total > recent.data.items.length && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => navigate({ name: 'history', page: 1 })}
            >
              See all {recent.data.total}
            </button>
          )}
        </div>
        {recent.error !== undefined && <LoadFailed error={recent.error} onRetry={recent.refetch} />}
        {!recent.data && recent.error === undefined && <Loading />}
        {recent.data && recent.data.items.length === 0 && (
          <p className="card empty-state">
            No interviews yet. Your first one will appear here, with its score.
          </p>
        )}
        {recent.data && recent.data.items.length > 0 && (
          <ul className="list-card">
            {recent.data.items.map((item) => (
              <li key={item.sessionId} className="list-row session-row">
                <div className="list-row__main">
                  <span className="list-row__title">{item.roleTitle}</span>
                  <span className="list-row__meta">
                    {levelLabel(item.level)} · {formatDate(item.createdAt)} · {item.answeredCount}{' '}
                    of {item.totalQuestions} answered
                  </span>
                </div>
                <SessionStatusBadge status={item.status} />
                <span className="session-row__score">
                  <span className="visually-hidden">Overall score: </span>
                  {formatScore(item.overallScore)}
                </span>
                <SessionOpenButton item={item} navigate={navigate} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

interface ResumeCardProps {
  session: SessionState;
  profile: Profile;
  navigate: Navigate;
}

/** Abandoning refreshes this card and the recent list through the query cache's change map. */
function ResumeCard({ session, profile, navigate }: ResumeCardProps) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const abandon = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.invoke('interviews.abandon', { profileId: profile.id, sessionId: session.id });
      setConfirming(false);
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const percent =
    session.totalQuestions > 0
      ? Math.round((session.answeredCount / session.totalQuestions) * 100)
      : 0;
  return (
    <section className="card resume-card" aria-labelledby="resume-heading">
      <div className="resume-card__body">
        <p className="eyebrow">Unfinished interview</p>
        <h2 id="resume-heading">{session.roleTitle}</h2>
        <p className="muted">
          {levelLabel(session.level)} level ·{' '}
          {session.startedAt
            ? `started ${formatDate(session.startedAt)}`
            : `set up ${formatDate(session.createdAt)}, not started yet`}
        </p>
        <p className="resume-card__progress">
          {session.answeredCount} of {session.totalQuestions} answered
        </p>
        <progress
          max={session.totalQuestions}
          value={session.answeredCount}
          aria-label={`${percent}% answered`}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate({ name: 'interview', sessionId: session.id })}
        >
          Resume
        </button>
        <button type="button" className="button button--ghost" onClick={() => setConfirming(true)}>
          Abandon
        </button>
      </div>
      <ErrorAlert error={error} />
      <ConfirmDialog
        open={confirming}
        title="Abandon this interview?"
        confirmLabel="Abandon interview"
        cancelLabel="Keep it"
        busy={busy}
        onConfirm={() => void abandon()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Answers you already gave stay in your history, but you will not be able to continue this
          interview.
        </p>
      </ConfirmDialog>
    </section>
  );
}
