import { useState } from 'react';
import type { JobRole, PackInfo } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';
import type { Query } from '../../hooks/useQuery';
import { sourceLabel } from '../../lib/bank';
import { saveExport } from '../../lib/download';
import { plural } from '../../lib/format';
import { PackImport } from './PackImport';

interface PacksPanelProps {
  packs: Query<PackInfo[]>;
  roles: readonly JobRole[] | undefined;
  /** The role filter of the list: Export writes that role's questions, or all of them. */
  roleId: string;
  adminPin: string | undefined;
}

export function PacksPanel({ packs, roles, roleId, adminPin }: PacksPanelProps) {
  const api = useApi();
  const [removing, setRemoving] = useState<PackInfo | null>(null);
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useState('');
  const role = roles?.find((r) => r.id === roleId);

  const remove = async (pack: PackInfo) => {
    await run(async () => {
      await api.invoke('packs.remove', { adminPin, packId: pack.id });
      setNotice(`Removed the pack “${pack.name}”.`);
    });
    setRemoving(null);
  };

  const exportPack = async () => {
    setNotice('');
    await run(async () => {
      const file = await saveExport(api, 'packs.export', {
        roleIds: role ? [role.id] : undefined,
        name: role ? `${role.title} questions` : 'All questions',
      });
      if (file.saved)
        setNotice(
          `Exported ${plural(file.summary['questionCount'] ?? 0, 'question')} to ${file.path ?? file.fileName}.`,
        );
    });
  };

  return (
    <section className="section" aria-labelledby="packs-heading">
      <div className="section-head">
        <h2 id="packs-heading">Question packs</h2>
        <div className="packs-export">
          <span className="muted small">
            {role ? `The ${role.title} questions` : 'Every question'}, as a pack file
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => void exportPack()}
          >
            Export
          </button>
        </div>
      </div>
      <p className="muted">
        Questions come in packs: the built-in ones, packs a career centre shares as files, and the
        questions you add here.
      </p>
      {packs.error !== undefined && <LoadFailed error={packs.error} onRetry={packs.refetch} />}
      {!packs.data && packs.error === undefined && <Loading />}
      {packs.data && (
        <PackLists
          packs={packs.data}
          busy={busy}
          onRemove={(pack) => {
            setNotice('');
            setRemoving(pack);
          }}
        />
      )}
      <ErrorAlert error={error} />
      {notice && (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      )}
      <PackImport adminPin={adminPin} />
      <ConfirmDialog
        open={removing !== null}
        title={`Remove “${removing?.name ?? ''}”?`}
        confirmLabel="Remove pack"
        cancelLabel="Keep it"
        busy={busy}
        onConfirm={() => {
          if (removing) void remove(removing);
        }}
        onCancel={() => setRemoving(null)}
      >
        <p>
          Its {plural(removing?.questionCount ?? 0, 'question')} leave the question bank. Past
          interviews that used them keep their answers and scores. You can import the file again
          later.
        </p>
      </ConfirmDialog>
    </section>
  );
}

interface PackListsProps {
  packs: readonly PackInfo[];
  busy: boolean;
  onRemove: (pack: PackInfo) => void;
}

/** Packs added on this computer first; the long list of built-in ones folds away. */
function PackLists({ packs, busy, onRemove }: PackListsProps) {
  const own = packs.filter((p) => p.source !== 'builtin');
  const builtin = packs.filter((p) => p.source === 'builtin');
  const row = (pack: PackInfo) => (
    <li key={pack.id} className="list-row pack-row">
      <div className="list-row__main">
        <span className="list-row__title">{pack.name}</span>
        <span className="list-row__meta">
          {plural(pack.questionCount, 'question')} · {plural(pack.roleIds.length, 'role')}
          {pack.author ? ` · by ${pack.author}` : ''}
        </span>
      </div>
      <span className={`badge badge--source-${pack.source}`}>{sourceLabel(pack.source)}</span>
      {pack.source === 'imported' && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => onRemove(pack)}
        >
          Remove<span className="visually-hidden"> the pack {pack.name}</span>
        </button>
      )}
    </li>
  );
  return (
    <>
      {own.length > 0 ? (
        <ul className="list-card pack-list">{own.map(row)}</ul>
      ) : (
        <p className="card empty-state">
          No imported packs or questions of your own yet: import a pack below, or add a question.
        </p>
      )}
      {builtin.length > 0 && (
        <details className="builtin-packs">
          <summary>
            {plural(builtin.length, 'built-in pack')},{' '}
            {plural(
              builtin.reduce((n, p) => n + p.questionCount, 0),
              'question',
            )}
          </summary>
          <ul className="list-card pack-list">{builtin.map(row)}</ul>
        </details>
      )}
    </>
  );
}
