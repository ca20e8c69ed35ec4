import type { JobRole, PackInfo, Question } from '../../../../shared/contract';
import { LoadFailed, Loading } from '../../components/Feedback';
import { Pager } from '../../components/Pager';
import { useDebounced } from '../../hooks/useDebounced';
import { useQuery } from '../../hooks/useQuery';
import { packLabel } from '../../lib/bank';
import { levelLabel, plural, typeLabel } from '../../lib/format';
import type { BankFilterValues } from './BankFilters';

export const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 250;

interface BankResultsProps {
  filters: BankFilterValues;
  page: number;
  onPage: (page: number) => void;
  roles: readonly JobRole[] | undefined;
  packs: readonly PackInfo[] | undefined;
  onOpen: (question: Question) => void;
}

export function BankResults({ filters, page, onPage, roles, packs, onOpen }: BankResultsProps) {
  const query = useDebounced(filters.query.trim(), SEARCH_DELAY_MS);
  const request = {
    query,
    roleId: filters.roleId || undefined,
    level: filters.level || undefined,
    type: filters.type || undefined,
    packId: filters.packId || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const { data, error, loading, refetch } = useQuery('bank.search', request, {
    keepPrevious: true,
  });
  const roleTitle = (id: string) => roles?.find((r) => r.id === id)?.title ?? id;

  return (
    <section className="section bank-results" aria-labelledby="bank-results-heading">
      <div className="section-head">
        <h2 id="bank-results-heading">Questions</h2>
        <p className="muted bank-count" aria-live="polite" data-testid="bank-total">
          {data ? countLabel(data.total, query !== '') : ''}
        </p>
      </div>
      {error !== undefined && <LoadFailed error={error} onRetry={refetch} />}
      {!data && error === undefined && <Loading label="Searching…" />}
      {data && data.total === 0 && (
        <p className="card empty-state">
          No questions match. Try fewer or shorter words, or set a filter back to “All”.
        </p>
      )}
      {data && data.total > 0 && data.items.length === 0 && (
        <p className="card empty-state">
          This page is empty now.{' '}
          <button type="button" className="button button--small" onClick={() => onPage(1)}>
            Back to the first page
          </button>
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul className="list-card bank-list" aria-busy={loading}>
          {data.items.map((q) => (
            <li key={q.id}>
              <button type="button" className="bank-item" onClick={() => onOpen(q)}>
                <span className="bank-item__text" dir="auto">
                  {q.content}
                </span>
                <span className="bank-item__meta">
                  <span className={`badge badge--type-${q.type}`}>{typeLabel(q.type)}</span>
                  <span>{roleTitle(q.roleId)}</span>
                  <span aria-hidden="true">·</span>
                  <span>{levelLabel(q.level)}</span>
                  <span aria-hidden="true">·</span>
                  <span>{packLabel(q, packs)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {data && (
        <Pager
          label="Question pages"
          page={page}
          total={data.total}
          pageSize={PAGE_SIZE}
          onPage={onPage}
        />
      )}
    </section>
  );
}

function countLabel(total: number, searching: boolean): string {
  if (!searching) return `${plural(total, 'question')} in the bank`;
  return `${plural(total, 'question')} ${total === 1 ? 'matches' : 'match'}`;
}
