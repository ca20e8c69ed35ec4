import type { DownloadState, InstalledModel, ManifestEntry } from '../../../../shared/contract';
import { formatBytes, formatEta, formatRam } from '../../lib/model-format';

export interface ModelRowProps {
  entry: ManifestEntry | null;
  installed: InstalledModel | null;
  name: string;
  sizeBytes: number;
  download: DownloadState | null;
  recommended: boolean;
  active: boolean;
  busy: boolean;
  onDownload: () => void;
  onPause: () => void;
  onCancel: () => void;
  onDelete: () => void;
  onActivate: () => void;
}

/** One model: what it is, what it costs, and the one or two things that can be done with it. */
export function ModelRow(props: ModelRowProps) {
  const { entry, installed, download, busy } = props;
  const percent = download ? Math.floor((100 * download.bytes) / Math.max(1, download.total)) : 0;
  return (
    <li className="model-row card" data-model={entry?.id ?? installed?.id}>
      <div className="model-row__head">
        <h3 className="model-row__name">{props.name}</h3>
        {props.recommended && <span className="badge badge--active">Recommended</span>}
        {props.active && <span className="badge badge--completed">In use</span>}
        {installed?.source === 'custom' && (
          <span className="badge badge--source-custom">Own file</span>
        )}
      </div>
      {entry && <p className="muted small">{entry.description}</p>}
      <dl className="model-row__facts small">
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(props.sizeBytes)}</dd>
        </div>
        {entry && (
          <>
            <div>
              <dt>Memory</dt>
              <dd>{formatRam(entry.ramMb)}</dd>
            </div>
            <div>
              <dt>License</dt>
              <dd>
                <a href={entry.licenseUrl} target="_blank" rel="noreferrer">
                  {entry.license}
                </a>
              </dd>
            </div>
            <div>
              <dt>Quality / speed</dt>
              <dd>
                {entry.quality}/5 · {entry.speed}/5
              </dd>
            </div>
          </>
        )}
      </dl>
      {entry?.notes && <p className="small">{entry.notes}</p>}
      {download && (
        <div className="model-row__download" role="group" aria-label={`Download of ${props.name}`}>
          <progress className="progress" max={100} value={percent} aria-label="Downloaded">
            {percent}%
          </progress>
          <p className="small" aria-live="polite">
            {formatBytes(download.bytes)} of {formatBytes(download.total)} ({percent}%)
            {download.status === 'running' &&
              ` · ${formatBytes(download.bytesPerSecond)}/s · ${formatEta(download.etaSeconds)}`}
            {download.status === 'queued' && ' · waiting to start'}
            {download.status === 'paused' && ' · paused'}
          </p>
          {download.error && <p className="alert alert--error small">{download.error}</p>}
        </div>
      )}
      <div className="actions">
        {!installed && !download && entry && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            onClick={props.onDownload}
          >
            Download
          </button>
        )}
        {download && download.status !== 'paused' && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={props.onPause}
          >
            Pause
          </button>
        )}
        {download?.status === 'paused' && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            onClick={props.onDownload}
          >
            Resume
          </button>
        )}
        {download && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={props.onCancel}
          >
            Cancel download
          </button>
        )}
        {installed && !props.active && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={props.onActivate}
          >
            Use this model
          </button>
        )}
        {installed && (
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={busy}
            onClick={props.onDelete}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
