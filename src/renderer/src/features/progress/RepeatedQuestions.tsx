import { useState } from 'react';
import type { Profile } from '../../../../shared/contract';
import { LoadFailed } from '../../components/Feedback';
import { ScoreBars } from '../../components/ScoreBars';
import { useQuery } from '../../hooks/useQuery';
import { formatDate, formatScore } from '../../lib/format';

/** Questions answered more than once, and their attempts side by side. */
export function RepeatedQuestions({ profile }: { profile: Profile }) {
  const list = useQuery('progress.repeatedQuestions', { profileId: profile.id, limit: 10 });
  const [open, setOpen] = useState<string | null>(null);
  if (list.error !== undefined) return <LoadFailed error={list.error} onRetry={list.refetch} />;
  if (!list.data || list.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="repeated-heading">
      <h2 id="repeated-heading">Questions you answered more than once</h2>
      <ul className="repeated-list">
        {list.data.map((q) => (
          <li key={q.questionId}>
            <p>
              <strong>{q.question}</strong>
            </p>
            <p className="muted small">
              {q.attempts} attempts · first {formatScore(q.firstScore)} → latest{' '}
              {formatScore(q.lastScore)}
            </p>
            <button
              type="button"
              className="button button--small"
              aria-expanded={open === q.questionId}
              onClick={() => setOpen(open === q.questionId ? null : q.questionId)}
            >
              {open === q.questionId ? 'Hide attempts' : 'Compare attempts'}
            </button>
            {open === q.questionId && <Attempts profile={profile} questionId={q.questionId} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Attempts({ profile, questionId }: { profile: Profile; questionId: string }) {
  const { data, error, refetch } = useQuery('progress.attempts', {
    profileId: profile.id,
    questionId,
  });
  if (error !== undefined) return <LoadFailed error={error} onRetry={refetch} />;
  if (!data) return null;
  return (
    <div className="attempts">
      {data.attempts.map((a, i) => (
        <article className="attempt" key={a.answerId}>
          <h3 className="small">
            Attempt {i + 1} · {formatDate(a.answeredAt)}
          </h3>
          {a.scores ? <ScoreBars scores={a.scores} compact /> : <p className="muted">Not scored</p>}
          <p className="attempt__text">{a.status === 'skipped' ? '(skipped)' : a.answerText}</p>
          {a.improvements[0] && <p className="muted small">To improve: {a.improvements[0]}</p>}
        </article>
      ))}
    </div>
  );
}
