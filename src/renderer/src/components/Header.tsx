import type { Profile } from '../../../shared/contract';
import type { Navigate, Screen } from '../navigation';
import type { Theme } from '../hooks/useTheme';
import { ThemeToggle } from './ThemeToggle';

interface HeaderProps {
  profile: Profile | null;
  screen: Screen;
  navigate: Navigate;
  /** The profile's theme and its setter; no toggle without a profile. */
  theme?: { theme: Theme; setTheme: (t: Theme) => void };
}

export function Header({ profile, screen, navigate, theme }: HeaderProps) {
  const current = (name: Screen['name']) => (screen.name === name ? 'page' : undefined);
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Rehearse
        </span>
        {profile && (
          <>
            <nav className="app-nav" aria-label="Main">
              <button
                type="button"
                className="nav-link"
                aria-current={current('home')}
                onClick={() => navigate({ name: 'home' })}
              >
                Home
              </button>
              <button
                type="button"
                className="nav-link"
                aria-current={current('history')}
                onClick={() => navigate({ name: 'history', page: 1 })}
              >
                History
              </button>
              <button
                type="button"
                className="nav-link"
                aria-current={current('progress')}
                onClick={() => navigate({ name: 'progress' })}
              >
                Progress
              </button>
              <button
                type="button"
                className="nav-link"
                aria-current={current('bank')}
                onClick={() => navigate({ name: 'bank' })}
              >
                Question bank
              </button>
              <button
                type="button"
                className="nav-link"
                aria-current={current('models')}
                onClick={() => navigate({ name: 'models' })}
              >
                Models
              </button>
            </nav>
            <div className="app-header__profile">
              <span className="avatar" aria-hidden="true">
                {initials(profile.name)}
              </span>
              <span className="app-header__name">{profile.name}</span>
              {theme && <ThemeToggle theme={theme.theme} onChange={theme.setTheme} />}
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => navigate({ name: 'profiles' })}
              >
                Switch profile
              </button>
            </div>
          </>
        )}
      </div>
    </header>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => (p ?? '').charAt(0).toUpperCase()).join('') || '?';
}
