import { useState, type FormEvent } from 'react';
import type { AdminStatus, Profile } from '../../../../shared/contract';
import { errorMessage, fieldErrors } from '../../api/errors';
import { useApi } from '../../api/context';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { TextField } from '../../components/TextField';
import { useAction } from '../../hooks/useAction';
import type { Query } from '../../hooks/useQuery';

const digitsOnly = (v: string) => v.replace(/\D/g, '');

interface AdminPanelProps {
  profile: Profile;
  status: Query<AdminStatus>;
  /** The PIN typed in the lock banner: unlocking uses it rather than asking twice. */
  bannerPin: string;
}

export function AdminPanel({ profile, status, bannerPin }: AdminPanelProps) {
  const [notice, setNotice] = useState('');
  const changed = setNotice;
  const data = status.data;
  const isAdmin = data?.adminProfileIds.includes(profile.id) ?? false;
  return (
    <section className="section" aria-labelledby="admin-heading">
      <h2 id="admin-heading">Lab administrator</h2>
      {status.error !== undefined && <LoadFailed error={status.error} onRetry={status.refetch} />}
      {!data && status.error === undefined && <Loading />}
      {data && (
        <div className="card admin-card">
          {isAdmin ? (
            <>
              <p>
                <strong>{profile.name} is the lab administrator on this computer.</strong> Lock the
                question bank so that others can practise with it but cannot change it.
              </p>
              <LockControl locked={data.bankLocked} bannerPin={bannerPin} onDone={changed} />
              <details className="admin-card__more">
                <summary>Change the administrator PIN</summary>
                <SetupForm profile={profile} hasAdmin onDone={changed} submitLabel="Change PIN" />
              </details>
            </>
          ) : (
            <>
              <p className="muted">
                On a shared lab computer, an administrator can lock the question bank so nobody
                changes the questions without their PIN.{' '}
                {data.hasAdmin
                  ? 'This computer has an administrator already: their PIN is needed to add another.'
                  : 'There is no administrator yet.'}
              </p>
              <SetupForm
                profile={profile}
                hasAdmin={data.hasAdmin}
                onDone={changed}
                submitLabel="Make this profile the lab administrator"
              />
            </>
          )}
          {notice && (
            <p className="alert alert--success" role="status">
              {notice}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

interface SetupFormProps {
  profile: Profile;
  hasAdmin: boolean;
  submitLabel: string;
  onDone: (message: string) => void;
}

function SetupForm({ profile, hasAdmin, submitLabel, onDone }: SetupFormProps) {
  const api = useApi();
  const [pin, setPin] = useState('');
  const [currentPin, setCurrentPin] = useState('');
  const { busy, error, run } = useAction();
  const fields = fieldErrors(error);
  const general = error !== undefined && Object.keys(fields).length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.invoke('admin.setup', {
        profileId: profile.id,
        pin,
        currentPin: hasAdmin ? currentPin : undefined,
      });
      setPin('');
      setCurrentPin('');
      onDone(`${profile.name} is now a lab administrator, with the new PIN.`);
    });
  };

  return (
    <form className="form admin-form" onSubmit={submit} noValidate>
      <div className="form-row">
        <TextField
          label="New PIN"
          value={pin}
          onChange={(v) => setPin(digitsOnly(v))}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={12}
          hint="4 to 12 digits. Write it down somewhere safe: it cannot be recovered."
          error={fields['pin']}
        />
        {hasAdmin && (
          <TextField
            label="Current administrator PIN"
            value={currentPin}
            onChange={(v) => setCurrentPin(digitsOnly(v))}
            type="password"
            inputMode="numeric"
            maxLength={12}
            error={fields['currentPin']}
          />
        )}
      </div>
      {general && (
        <div className="alert alert--error" role="alert">
          <p>{errorMessage(error)}</p>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || pin.length === 0}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

interface LockControlProps {
  locked: boolean;
  bannerPin: string;
  onDone: (message: string) => void;
}

function LockControl({ locked, bannerPin, onDone }: LockControlProps) {
  const api = useApi();
  const [pin, setPin] = useState('');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.invoke('admin.lockBank', { pin: locked ? bannerPin : pin, locked: !locked });
      setPin('');
      onDone(locked ? 'The question bank is unlocked.' : 'The question bank is locked.');
    });
  };

  return (
    <form className="form admin-form" onSubmit={submit} noValidate>
      {locked ? (
        <p className="small">
          The bank is locked. Type your PIN in the banner at the top of this screen, then unlock it.
        </p>
      ) : (
        <div className="form-row">
          <TextField
            label="Administrator PIN"
            value={pin}
            onChange={(v) => setPin(digitsOnly(v))}
            type="password"
            inputMode="numeric"
            maxLength={12}
          />
        </div>
      )}
      <ErrorAlert error={error} />
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || (locked ? bannerPin : pin).length === 0}
        >
          {locked ? 'Unlock' : 'Lock the question bank'}
        </button>
      </div>
    </form>
  );
}
