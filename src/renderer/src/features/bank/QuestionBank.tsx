import { useEffect, useRef, useState } from 'react';
import type { Profile, Question } from '../../../../shared/contract';
import { LoadFailed, Loading } from '../../components/Feedback';
import { useQuery } from '../../hooks/useQuery';
import type { Navigate } from '../../navigation';
import { AdminPanel } from './AdminPanel';
import { BankFilters, NO_FILTERS, type BankFilterValues } from './BankFilters';
import { BankResults } from './BankResults';
import { LockBanner } from './LockBanner';
import { PacksPanel } from './PacksPanel';
import { QuestionDetail } from './QuestionDetail';
import { QuestionForm } from './QuestionForm';

type View =
  | { kind: 'list' }
  | { kind: 'detail'; questionId: string }
  /** question null: adding a new one. */
  | { kind: 'form'; question: Question | null };

interface QuestionBankProps {
  profile: Profile;
  navigate: Navigate;
}

export function QuestionBank({ profile, navigate }: QuestionBankProps) {
  // Every change made here refreshes these through the query cache (api/invalidation.ts).
  const roles = useQuery('bank.roles', {});
  const packs = useQuery('packs.list', {});
  const admin = useQuery('admin.status', {});

  const [filters, setFilters] = useState<BankFilterValues>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [pin, setPin] = useState('');
  const locked = admin.data?.bankLocked ?? false;
  const adminPin = locked && pin !== '' ? pin : undefined;

  // Coming back to the list puts the reader at the top again, on the screen's heading.
  const title = useRef<HTMLHeadingElement>(null);
  const firstView = useRef(true);
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    window.scrollTo(0, 0);
    if (view.kind === 'list') title.current?.focus();
  }, [view]);

  const updateFilters = (next: BankFilterValues) => {
    setFilters(next);
    setPage(1);
  };
  const backToList = () => setView({ kind: 'list' });

  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1 tabIndex={-1} ref={title}>
            Question bank
          </h1>
          <p className="lead">
            Every question Rehearse can ask. Search them, practise any one on its own, add your own,
            or share them as pack files.
          </p>
        </div>
        {view.kind !== 'form' && (
          <button
            type="button"
            className="button button--primary"
            disabled={!roles.data?.length}
            onClick={() => setView({ kind: 'form', question: null })}
          >
            Add question
          </button>
        )}
      </div>

      {locked && <LockBanner pin={pin} onPin={setPin} />}
      {roles.error !== undefined && <LoadFailed error={roles.error} onRetry={roles.refetch} />}

      {view.kind === 'form' &&
        (roles.data ? (
          <QuestionForm
            question={view.question}
            roles={roles.data}
            defaultRoleId={filters.roleId || profile.targetRoleId || ''}
            defaultLevel={filters.level || profile.level}
            adminPin={adminPin}
            onSaved={(saved) => setView({ kind: 'detail', questionId: saved.id })}
            onCancel={() =>
              setView(
                view.question ? { kind: 'detail', questionId: view.question.id } : { kind: 'list' },
              )
            }
          />
        ) : (
          <Loading />
        ))}

      {view.kind === 'detail' && (
        <QuestionDetail
          questionId={view.questionId}
          profile={profile}
          navigate={navigate}
          roles={roles.data}
          packs={packs.data}
          adminPin={adminPin}
          onBack={backToList}
          onEdit={(question) => setView({ kind: 'form', question })}
          onOpen={(questionId) => setView({ kind: 'detail', questionId })}
          onDeleted={backToList}
        />
      )}

      {view.kind === 'list' && (
        <>
          <BankFilters
            value={filters}
            onChange={updateFilters}
            roles={roles.data}
            packs={packs.data}
          />
          <BankResults
            filters={filters}
            page={page}
            onPage={setPage}
            roles={roles.data}
            packs={packs.data}
            onOpen={(q) => setView({ kind: 'detail', questionId: q.id })}
          />
          <PacksPanel
            packs={packs}
            roles={roles.data}
            roleId={filters.roleId}
            adminPin={adminPin}
          />
          <AdminPanel profile={profile} status={admin} bannerPin={pin} />
        </>
      )}
    </main>
  );
}
