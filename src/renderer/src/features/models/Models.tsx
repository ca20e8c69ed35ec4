import { useEffect, useState } from 'react';
import type {
  DownloadState,
  ModelKind,
  ModelList,
  ModelVerifyReport,
} from '../../../../shared/contract';
import { modelKinds } from '../../../../shared/contract/constants';
import { useApi } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EngineProblems } from '../../components/EngineProblems';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';
import { useQuery } from '../../hooks/useQuery';
import { KIND_LABELS, formatRam } from '../../lib/model-format';
import { ModelImport } from './ModelImport';
import { ModelRow } from './ModelRow';

/**
 * The model manager: what can be downloaded, what is installed and in use, downloads with
 * progress, and import from a folder. Every model is optional; this screen says what each adds.
 */
export function Models() {
  const api = useApi();
  const list = useQuery('models.list', {});
  // Live progress from the download job, merged over the last list until it is loaded again.
  const [live, setLive] = useState<Record<string, DownloadState>>({});
  // A download that failed (wrong checksum, server error, full disk) says why here.
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const offProgress = api.on('model.download', (e) =>
      setLive((prev) => ({
        ...prev,
        [e.modelId]: {
          status: 'running',
          jobId: e.jobId,
          bytes: e.bytes,
          total: e.total,
          bytesPerSecond: e.bytesPerSecond,
          etaSeconds: e.etaSeconds,
          error: null,
        },
      })),
    );
    const offFinished = api.on('job.finished', (e) => {
      if (e.type !== 'model-download') return;
      setFailure(e.status === 'failed' ? e.error : null);
      // The list itself is fetched again through the query cache (api/invalidation.ts).
      setLive({});
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [api]);

  const { busy, error, run } = useAction();
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const act = (action: () => Promise<unknown>) =>
    void run(async () => {
      await action();
      setLive({});
    });

  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1 tabIndex={-1}>Models</h1>
          <p className="lead">
            Optional AI models that run on this computer: speech recognition for spoken answers, a
            language model for written feedback, and a model that compares what an answer means with
            the ideal answer. Rehearse works without any of them.
          </p>
        </div>
      </div>
      {list.error !== undefined && <LoadFailed error={list.error} onRetry={list.refetch} />}
      {!list.data && list.error === undefined && <Loading />}
      <ErrorAlert error={error} />
      <EngineProblems />
      {failure && (
        <p className="alert alert--error" role="alert">
          The download stopped: {failure}
        </p>
      )}
      {list.data && (
        <>
          <p className="muted">
            This computer: {formatRam(list.data.machine.totalRamMb)} of memory,{' '}
            {list.data.machine.cpuCount} CPU cores.
          </p>
          {modelKinds.map((kind) => (
            <KindSection
              key={kind}
              kind={kind}
              list={list.data!}
              live={live}
              busy={busy}
              act={act}
              onDelete={(id, name) => setDeleting({ id, name })}
            />
          ))}
        </>
      )}
      <ModelImport />
      <VerifyModels />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? ''}?`}
        confirmLabel="Delete model"
        cancelLabel="Keep it"
        busy={busy}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (target) act(() => api.invoke('models.delete', { modelId: target.id }));
        }}
        onCancel={() => setDeleting(null)}
      >
        <p>Its files are removed from this computer. You can download or import it again later.</p>
      </ConfirmDialog>
    </main>
  );
}

/** Re-hashes the installed files: for a lab that copied models around and wants to be sure. */
function VerifyModels() {
  const api = useApi();
  const [report, setReport] = useState<ModelVerifyReport | null>(null);
  const { busy, error, run } = useAction();
  return (
    <section className="section" aria-labelledby="models-verify">
      <h2 id="models-verify">Check installed files</h2>
      <p className="muted">Reads every installed model file again and compares its checksum.</p>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void run(async () => setReport(await api.invoke('models.verify', {})))}
      >
        {busy ? 'Checking…' : 'Check files'}
      </button>
      <ErrorAlert error={error} />
      {report && (
        <ul className="small" role="status">
          {report.length === 0 && <li>No models are installed.</li>}
          {report.map((r) => (
            <li key={r.id}>
              {r.id}: {r.ok ? 'all files intact' : r.problems.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface KindSectionProps {
  kind: ModelKind;
  list: ModelList;
  live: Record<string, DownloadState>;
  busy: boolean;
  act: (action: () => Promise<unknown>) => void;
  onDelete: (id: string, name: string) => void;
}

function KindSection({ kind, list, live, busy, act, onDelete }: KindSectionProps) {
  const api = useApi();
  const recommendation = list.recommendations.find((r) => r.kind === kind);
  const override = list.overrides[kind];
  const catalog = list.catalog.filter((c) => c.entry.kind === kind);
  const custom = list.custom.filter((c) => c.kind === kind);
  const setActive = (modelId: string) =>
    act(() => api.invoke('models.setActive', { kind, modelId }));
  return (
    <section className="section" aria-labelledby={`models-${kind}`}>
      <h2 id={`models-${kind}`}>{KIND_LABELS[kind]}</h2>
      {recommendation && <p className="muted small">Recommended: {recommendation.reason}</p>}
      {override && (
        <p className="alert small">
          Set by an environment variable: {override} is used instead of the choice below.
        </p>
      )}
      <ul className="model-list">
        {catalog.map((item) => {
          const id = item.entry.id;
          return (
            <ModelRow
              key={id}
              entry={item.entry}
              installed={item.installed}
              name={item.entry.name}
              sizeBytes={item.sizeBytes}
              download={item.installed ? null : (live[id] ?? item.download)}
              recommended={item.recommended}
              active={list.active[kind] === id}
              busy={busy}
              onDownload={() =>
                act(() =>
                  api.invoke(item.download ? 'models.resume' : 'models.download', { modelId: id }),
                )
              }
              onPause={() => act(() => api.invoke('models.pause', { modelId: id }))}
              onCancel={() => act(() => api.invoke('models.cancel', { modelId: id }))}
              onDelete={() => onDelete(id, item.entry.name)}
              onActivate={() => setActive(id)}
            />
          );
        })}
        {custom.map((model) => (
          <ModelRow
            key={model.id}
            entry={null}
            installed={model}
            name={model.name}
            sizeBytes={model.files.reduce((sum, f) => sum + f.size, 0)}
            download={null}
            recommended={false}
            active={list.active[kind] === model.id}
            busy={busy}
            onDownload={() => undefined}
            onPause={() => undefined}
            onCancel={() => undefined}
            onDelete={() => onDelete(model.id, model.name)}
            onActivate={() => setActive(model.id)}
          />
        ))}
      </ul>
    </section>
  );
}
