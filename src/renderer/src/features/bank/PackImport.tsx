import { useRef, useState, type ChangeEvent } from 'react';
import type { ImportReport } from '../../../../shared/contract';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { ErrorAlert } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { plural } from '../../lib/format';

type Mode = ImportReport['mode'];

/** The services accept up to 25 MB; saying so before reading a huge file saves a long wait. */
const MAX_FILE_BYTES = 25 * 1024 * 1024;

interface Preview {
  report: ImportReport | null;
  error: unknown;
  loading: boolean;
}

const EMPTY: Preview = { report: null, error: undefined, loading: false };

interface PackImportProps {
  adminPin: string | undefined;
}

export function PackImport({ adminPin }: PackImportProps) {
  const api = useApi();
  const [text, setText] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('merge');
  const [preview, setPreview] = useState<Preview>(EMPTY);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<unknown>(undefined);
  const [done, setDone] = useState('');
  // A file input cannot be cleared by state; a new key gives a fresh one after an import.
  const [inputKey, setInputKey] = useState(0);
  const request = useRef(0);

  const runPreview = async (nextText: string, nextMode: Mode) => {
    const mine = ++request.current;
    setPreview({ report: null, error: undefined, loading: true });
    try {
      const report = await api.invoke('packs.preview', { text: nextText, mode: nextMode });
      if (mine === request.current) setPreview({ report, error: undefined, loading: false });
    } catch (error) {
      if (mine === request.current) setPreview({ report: null, error, loading: false });
    }
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setDone('');
    setImportError(undefined);
    setText(null);
    if (!file) {
      setPreview(EMPTY);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      const tooBig = new ApiError(
        'VALIDATION',
        'This file is larger than 25 MB, the most a pack may be.',
      );
      setPreview({ ...EMPTY, error: tooBig });
      return;
    }
    try {
      const content = await file.text();
      setText(content);
      await runPreview(content, mode);
    } catch (error) {
      setPreview({ ...EMPTY, error });
    }
  };

  const changeMode = (next: Mode) => {
    setMode(next);
    if (text !== null) void runPreview(text, next);
  };

  const importPack = async () => {
    if (text === null) return;
    setImporting(true);
    setImportError(undefined);
    try {
      const report = await api.invoke('packs.import', { adminPin, text, mode });
      setDone(
        `Imported “${report.packName}”: ${plural(report.added, 'question')} added, ` +
          `${report.updated} updated, ${report.unchanged} unchanged, ${report.removed} removed.`,
      );
      setText(null);
      setPreview(EMPTY);
      setInputKey((k) => k + 1);
    } catch (e) {
      setImportError(e);
    } finally {
      setImporting(false);
    }
  };

  const report = preview.report;
  return (
    <div className="card pack-import">
      <h3>Import a pack</h3>
      <p className="muted small">
        A pack is a <code>.json</code> file in the Rehearse question-pack format. You see what it
        would change before anything is stored.
      </p>
      <Field label="Pack file">
        {({ id }) => (
          <input
            key={inputKey}
            id={id}
            type="file"
            accept=".json,application/json"
            className="file-input"
            onChange={(e) => void chooseFile(e)}
          />
        )}
      </Field>
      <fieldset className="radio-group">
        <legend>When the pack is already installed</legend>
        <label>
          <input
            type="radio"
            name="import-mode"
            value="merge"
            checked={mode === 'merge'}
            onChange={() => changeMode('merge')}
          />{' '}
          Merge
          <span className="muted small"> – add and update questions, keep the others</span>
        </label>
        <label>
          <input
            type="radio"
            name="import-mode"
            value="replace"
            checked={mode === 'replace'}
            onChange={() => changeMode('replace')}
          />{' '}
          Replace
          <span className="muted small"> – the pack becomes exactly this file</span>
        </label>
      </fieldset>

      <div aria-live="polite">
        {preview.loading && <p className="muted">Checking the file…</p>}
        {preview.error !== undefined && (
          <ErrorAlert error={preview.error}>
            <p>Nothing was imported. Fix the file and choose it again.</p>
          </ErrorAlert>
        )}
        {report && <PreviewReport report={report} />}
      </div>
      <ErrorAlert error={importError} />
      {report && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={importing || preview.loading}
            onClick={() => void importPack()}
          >
            {importing ? 'Importing…' : 'Import'}
          </button>
        </div>
      )}
      {done && (
        <p className="alert alert--success" role="status">
          {done}
        </p>
      )}
    </div>
  );
}

function PreviewReport({ report }: { report: ImportReport }) {
  const stats = [
    ['added', report.added],
    ['updated', report.updated],
    ['unchanged', report.unchanged],
    ['removed', report.removed],
  ] as const;
  return (
    <div className="import-preview" data-testid="import-preview">
      <p className="strong">Preview of “{report.packName}”</p>
      {report.packExisted && (
        <p className="small">This pack is already installed; importing updates it.</p>
      )}
      <ul className="import-stats" aria-label="Questions">
        {stats.map(([label, value]) => (
          <li
            key={label}
            className={`import-stats__item${value > 0 ? ` import-stats__item--${label}` : ''}`}
          >
            <span className="import-stats__value" data-testid={`preview-${label}`}>
              {value}
            </span>
            <span className="import-stats__label">{label}</span>
          </li>
        ))}
      </ul>
      {report.rolesAdded.length > 0 && (
        <p className="small">
          <strong>New roles:</strong> {report.rolesAdded.join(', ')}
        </p>
      )}
      {report.rolesKept.length > 0 && (
        <p className="small">
          <strong>Roles already in the bank:</strong> {report.rolesKept.join(', ')}
        </p>
      )}
      {report.conflicts.length > 0 && (
        <div className="alert alert--warn">
          <p>
            <strong>{plural(report.conflicts.length, 'conflict')}</strong>: these questions are
            skipped.
          </p>
          <ul className="conflict-list">
            {report.conflicts.map((c) => (
              <li key={c.id}>
                <code>{c.id}</code>: {c.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
