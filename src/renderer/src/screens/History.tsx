import type { Profile } from '../../../shared/contract';
import { useApi } from '../api/context';
import { LoadFailed, Loading } from '../components/Feedback';
import { SessionStatusBadge } from '../components/StatusBadge';
import { useLoad } from '../hooks/useLoad';
import { formatDate, formatDayAndTime, levelLabel } from '../lib/format';
import { sessionActionLabel, sessionScreen } from '../lib/sessions';
import type { Navigate } from '../navigation';

const PAGE_SIZE = 20;

interface HistoryProps {
  profile: Profile;
  page: number;
  navigate: Navigate;
}

export function History({ profile, page, navigate }: HistoryProps) {
  const api = useApi();
  const { data, error, loading, reload } = useLoad(`history:${profile.id}:${page}`, () =>
    api.invoke('results.history', {
      profileId: profile.id,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1 tabIndex={-1}>Interview history</h1>
          {data && (
            <p className="lead">
              {data.total === 1 ? '1 interview' : `${data.total} interviews`}, newest first.
            </p>
          )}
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate({ name: 'setup' })}
        >
          Start a new interview
        </button>
      </div>
      {error !== undefined && <LoadFailed error={error} onRetry={reload} />}
      {!data && error === undefined && <Loading />}
      {data && data.total === 0 && (
        <p className="card empty-state">
          No interviews yet. When you finish one, it shows up here with its score.
        </p>
      )}
      {data && data.items.length > 0 && (
        <div className="card table-card">
          <table className="history-table" aria-busy={loading}>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Role</th>
                <th scope="col">Level</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Answered
                </th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.sessionId}>
                  <td>
                    <DateCell iso={item.createdAt} />
                  </td>
                  <td>{item.roleTitle}</td>
                  <td>{levelLabel(item.level)}</td>
                  <td>
                    <SessionStatusBadge status={item.status} />
                  </td>
                  <td className="num">
                    {item.answeredCount}/{item.totalQuestions}
                  </td>
                  <td className="num strong">
                    {item.overallScore === null ? '–' : Math.round(item.overallScore)}
                  </td>
                  <td className="num">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => navigate(sessionScreen(item))}
                    >
                      {sessionActionLabel(item)}
                      <span className="visually-hidden">
                        : {item.roleTitle}, {formatDate(item.createdAt)}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && pages > 1 && (
        <nav className="pagination" aria-label="History pages">
          <button
            type="button"
            className="button"
            disabled={page <= 1}
            onClick={() => navigate({ name: 'history', page: page - 1 })}
          >
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button
            type="button"
            className="button"
            disabled={page >= pages}
            onClick={() => navigate({ name: 'history', page: page + 1 })}
          >
            Next
          </button>
        </nav>
      )}
    </main>
  );
}

function DateCell({ iso }: { iso: string }) {
  const { day, time } = formatDayAndTime(iso);
  return (
    <span className="date-cell">
      <span className="nowrap">{day}</span>
      <span className="muted small nowrap">{time}</span>
    </span>
  );
}
