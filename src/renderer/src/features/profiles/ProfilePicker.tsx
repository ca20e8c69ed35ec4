import type { Profile } from '../../../../shared/contract';
import { LoadFailed, Loading } from '../../components/Feedback';
import { useQuery } from '../../hooks/useQuery';
import { levelLabel } from '../../lib/format';
import { readLastProfileId } from '../../lib/storage';

interface ProfilePickerProps {
  currentId: string | null;
  onChoose: (profile: Profile) => void;
  onNew: () => void;
}

export function ProfilePicker({ currentId, onChoose, onNew }: ProfilePickerProps) {
  const { data: profiles, error, refetch } = useQuery('profiles.list', {});
  const preferredId = currentId ?? readLastProfileId();
  // The last person to use this machine is listed first, so "Continue as …" is one keypress away.
  const ordered = profiles
    ? [...profiles].sort((a, b) => Number(b.id === preferredId) - Number(a.id === preferredId))
    : [];

  return (
    <main className="page page--narrow">
      <h1 tabIndex={-1}>Who is practising?</h1>
      <p className="lead">
        Each person on this computer has their own profile, so answers and scores stay separate.
      </p>
      {error !== undefined && <LoadFailed error={error} onRetry={refetch} />}
      {!profiles && error === undefined && <Loading />}
      {profiles && (
        <>
          {ordered.length === 0 ? (
            <div className="card empty-state">
              <p>
                No profiles yet. Create one to start practising: it takes a few seconds, and
                everything stays on this computer.
              </p>
            </div>
          ) : (
            <ul className="profile-list">
              {ordered.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className={
                      p.id === preferredId
                        ? 'profile-choice profile-choice--preferred'
                        : 'profile-choice'
                    }
                    onClick={() => onChoose(p)}
                    autoFocus={p.id === preferredId}
                  >
                    <span className="avatar avatar--large" aria-hidden="true">
                      {p.name.trim().charAt(0).toUpperCase() || '?'}
                    </span>
                    <span className="profile-choice__text">
                      <span className="profile-choice__name">Continue as {p.name}</span>
                      <span className="profile-choice__meta">
                        {levelLabel(p.level)} level{p.id === preferredId ? ' · last used' : ''}
                      </span>
                    </span>
                    <span className="profile-choice__arrow" aria-hidden="true">
                      →
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button
              type="button"
              className={ordered.length === 0 ? 'button button--primary' : 'button'}
              onClick={onNew}
            >
              New profile
            </button>
          </div>
        </>
      )}
    </main>
  );
}
