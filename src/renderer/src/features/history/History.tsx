import { useState } from 'react';
import type { HistoryFilter, Profile } from '../../../../shared/contract';
import { HistoryFilters } from './HistoryFilters';
import { LoadFailed, Loading } from '../../components/Feedback';
import { Pager } from '../../components/Pager';
import { SessionOpenButton } from '../../components/SessionOpenButton';
import { SessionStatusBadge } from '../../components/StatusBadge';
import { useQuery } from '../../hooks/useQuery';
import { formatDayAndTime, formatScore, levelLabel } from '../../lib/format';
import type { Navigate } from '../../navigation';

const PAGE_SIZE = 20;

interface HistoryProps {
  profile: Profile;
  page: number;
  navigate: Navigate;
}

export function History({ profile, page, navigate }: HistoryProps) {
  const [filter, setFilter] = useState<HistoryFilter>({});
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const { data, error, loading, refetch } = useQuery(
    'results.history',
    {
      profileId: profile.id,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      ...filter,
    },
    { keepPrevious: true },
  );

  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1 tabIndex={-1}>Interview history</h1>
          {data && (
            <p className="lead">
              {data.total === 1 ? '1 interview' : `${data.total} interviews`}
              {filtered ? (data.total === 1 ? ' matches the filters' : ' match the filters') : ''},
              newest first.
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
      <HistoryFilters
        value={filter}
        onChange={(next) => {
          setFilter(next);
          if (page !== 1) navigate({ name: 'history', page: 1 });
        }}
      />
      {error !== undefined && <LoadFailed error={error} onRetry={refetch} />}
      {!data && error === undefined && <Loading />}
      {data && data.total === 0 && filtered && (
        <p className="card empty-state">No interview matches these filters.</p>
      )}
      {data && data.total === 0 && !filtered && (
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
                  <td className="num strong">{formatScore(item.overallScore)}</td>
                  <td className="num">
                    <SessionOpenButton item={item} navigate={navigate} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <Pager
          label="History pages"
          page={page}
          total={data.total}
          pageSize={PAGE_SIZE}
          onPage={(p) => navigate({ name: 'history', page: p })}
        />
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
