import { useState } from 'react';
import type { Profile } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/Feedback';
import { useAction } from '../../hooks/useAction';
import { saveExport } from '../../lib/download';

/**
 * The person's own data (GDPR): download everything as one zip, or delete the profile with all
 * its interviews and recordings after typing its name.
 */
export function YourData({ profile }: { profile: Profile }) {
  const api = useApi();
  const exporting = useAction();
  const deleting = useAction();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  return (
    <section className="card danger-zone" aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">Your data</h2>
      <p className="muted">
        Everything Rehearse keeps about {profile.name} stays on this computer. Download it all
        (interviews, answers, scores and feedback as JSON and CSV, plus recordings), or delete this
        profile and all of it.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={exporting.busy}
          onClick={() =>
            void exporting.run(async () => {
              await saveExport(api, 'data.export', { profileId: profile.id });
            })
          }
        >
          {exporting.busy ? 'Preparing…' : 'Download all my data'}
        </button>
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          Delete this profile…
        </button>
      </div>
      <ErrorAlert error={exporting.error} />
      <ConfirmDialog
        open={confirming}
        title={`Delete ${profile.name}?`}
        confirmLabel="Delete profile and all its data"
        cancelLabel="Cancel"
        busy={deleting.busy || typed.trim() !== profile.name.trim()}
        onCancel={() => {
          setConfirming(false);
          setTyped('');
        }}
        onConfirm={() =>
          void deleting.run(async () => {
            await api.invoke('data.deleteProfile', { profileId: profile.id, confirmName: typed });
            // Start over from the profile picker: nothing of this profile is left to show.
            window.location.hash = '#/profiles';
            window.location.reload();
          })
        }
      >
        <p>
          All interviews, answers, scores, feedback, settings and recordings of this profile are
          removed from this computer. This cannot be undone.
        </p>
        <label className="field">
          <span>Type the profile’s name to confirm</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </label>
        <ErrorAlert error={deleting.error} />
      </ConfirmDialog>
    </section>
  );
}
