import { useState } from 'react';
import type { ModelImportReport, ModelKind } from '../../../../shared/contract';
import { modelKinds } from '../../../../shared/contract/constants';
import { useApi } from '../../api/context';
import { ErrorAlert } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useAction } from '../../hooks/useAction';
import { KIND_LABELS } from '../../lib/model-format';

/** "Import from a folder": for lab machines without internet (a USB stick, a network share). */
export function ModelImport() {
  const api = useApi();
  const [folder, setFolder] = useState('');
  const [kind, setKind] = useState('');
  const [report, setReport] = useState<ModelImportReport | null>(null);
  const { busy, error, run } = useAction();

  const submit = () =>
    run(async () => {
      setReport(null);
      const result = await api.invoke('models.import', {
        path: folder.trim(),
        ...(kind && { kind: kind as ModelKind }),
      });
      setReport(result);
    });

  return (
    <section className="section card" aria-labelledby="model-import-heading">
      <h2 id="model-import-heading">Import from a folder</h2>
      <p className="muted">
        No internet here? Copy the model files onto a USB stick or a shared folder on a computer
        that has it, then type that folder here. Models from the list above are recognised by their
        checksum; to add a model file of your own, choose its kind.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label="Folder or file"
          value={folder}
          onChange={setFolder}
          maxLength={1000}
          required
        />
        <SelectField
          label="Your own model file's kind"
          value={kind}
          onChange={setKind}
          emptyLabel="Only models from the list"
          options={modelKinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !folder.trim()}
          >
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {report && <ImportSummary report={report} />}
    </section>
  );
}

function ImportSummary({ report }: { report: ModelImportReport }) {
  const nothing = report.installed.length + report.alreadyInstalled.length === 0;
  return (
    <div className={`alert ${nothing ? 'alert--error' : 'alert--success'}`} role="status">
      <p>
        Looked at {report.scannedFiles} files.{' '}
        {nothing
          ? 'No model was imported.'
          : `Imported: ${[...report.installed.map((m) => m.id), ...report.alreadyInstalled.map((id) => `${id} (already there)`)].join(', ')}.`}
      </p>
      {report.incomplete.map((i) => (
        <p key={i.id}>
          {i.id} is incomplete: missing {i.missing.join(', ')}.
        </p>
      ))}
      {report.rejected.map((r) => (
        <p key={r.path}>{r.reason}.</p>
      ))}
    </div>
  );
}
