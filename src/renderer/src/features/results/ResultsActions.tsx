import { useState } from 'react';
import type { Profile } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';
import { saveExport } from '../../lib/download';
import type { Navigate } from '../../navigation';

/** Export the session as a PDF report, or delete it (with its recordings) after confirming. */
export function ResultsActions({
  profile,
  sessionId,
  navigate,
}: {
  profile: Profile;
  sessionId: string;
  navigate: Navigate;
}) {
  const api = useApi();
  const pdf = useAction();
  const remove = useAction();
  const [confirming, setConfirming] = useState(false);
  const ref = { profileId: profile.id, sessionId };
  return (
    <section className="card" aria-labelledby="report-actions-heading">
      <h2 id="report-actions-heading">Keep or remove this interview</h2>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={pdf.busy}
          onClick={() =>
            void pdf.run(async () => {
              await saveExport(api, 'reports.sessionPdf', ref);
            })
          }
        >
          {pdf.busy ? 'Preparing the PDF…' : 'Export PDF report'}
        </button>
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          Delete this interview
        </button>
      </div>
      <ErrorAlert error={pdf.error} />
      <ErrorAlert error={remove.error} />
      <ConfirmDialog
        open={confirming}
        title="Delete this interview?"
        confirmLabel="Delete for good"
        cancelLabel="Keep it"
        busy={remove.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          void remove.run(async () => {
            await api.invoke('data.deleteSession', ref);
            setConfirming(false);
            navigate({ name: 'history', page: 1 });
          })
        }
      >
        <p>
          Its questions, answers, scores, feedback and any recordings are removed from this
          computer. This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
