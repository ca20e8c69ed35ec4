import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Profile, RehearseApi } from '../../shared/contract';
import { ApiProvider } from './api/context';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LoadFailed, Loading } from './components/Feedback';
import { Header } from './components/Header';
import { OfflineBanner } from './components/OfflineBanner';
import { RestartNotice } from './components/RestartNotice';
import { useQuery } from './hooks/useQuery';
import { readLastProfileId, writeLastProfileId } from './lib/storage';
import { hashToScreen, needsProfile, screenToHash, type Screen } from './navigation';
import { History } from './features/history/History';
import { useTheme } from './hooks/useTheme';
import { Home } from './features/home/Home';
import { Interview } from './features/interview/Interview';
import { ProfileEditor } from './features/profiles/ProfileEditor';
import { ProfilePicker } from './features/profiles/ProfilePicker';
import { QuestionBank } from './features/bank/QuestionBank';
import { Models } from './features/models/Models';
import { Results } from './features/results/Results';
import { Setup } from './features/interview/Setup';

// The charting library is the largest part of the bundle: load it with the Progress screen.
const Progress = lazy(() =>
  import('./features/progress/Progress').then((m) => ({ default: m.Progress })),
);

export function App({ client }: { client: RehearseApi }) {
  return (
    <ApiProvider client={client}>
      <Shell />
    </ApiProvider>
  );
}

function Shell() {
  const boot = useQuery('profiles.list', {});
  if (boot.data) return <Main profiles={boot.data} />;
  return (
    <>
      <OfflineBanner />
      <Header profile={null} screen={{ name: 'profiles' }} navigate={() => undefined} />
      <main className="page">
        {boot.error ? (
          <LoadFailed error={boot.error} onRetry={boot.refetch} />
        ) : (
          <Loading label="Starting Rehearse…" />
        )}
      </main>
    </>
  );
}

/**
 * Picks the first screen: straight back to where a reload left off, or home when this machine has
 * one remembered profile; otherwise the picker, since a lab machine is shared.
 */
function initialState(profiles: readonly Profile[]): { profile: Profile | null; screen: Screen } {
  const remembered = profiles.find((p) => p.id === readLastProfileId()) ?? null;
  const hashed = hashToScreen(window.location.hash);
  // An interview reopened by a reload goes through home, whose Resume card says where it stands.
  const fromHash: Screen | null = hashed?.name === 'interview' ? { name: 'home' } : hashed;
  if (remembered && fromHash) return { profile: remembered, screen: fromHash };
  if (remembered && profiles.length === 1) return { profile: remembered, screen: { name: 'home' } };
  return {
    profile: null,
    screen: fromHash?.name === 'profile-new' ? fromHash : { name: 'profiles' },
  };
}

function Main({ profiles }: { profiles: readonly Profile[] }) {
  const [initial] = useState(() => initialState(profiles));
  const [profile, setProfile] = useState<Profile | null>(initial.profile);
  const [screen, setScreen] = useState<Screen>(initial.screen);
  const shown: Screen = !profile && needsProfile(screen) ? { name: 'profiles' } : screen;
  const theme = useTheme(profile);

  const navigate = useCallback((next: Screen) => {
    setScreen(next);
    const hash = screenToHash(next);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
  }, []);

  useEffect(() => {
    const onPop = () => {
      const next = hashToScreen(window.location.hash);
      if (next) setScreen(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // After a screen change, start reading (and tabbing) from its heading, like a page load would.
  const shownHash = screenToHash(shown);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    if (!shownHash.startsWith('#/interview/'))
      document.querySelector<HTMLElement>('main h1')?.focus();
  }, [shownHash]);

  const choose = useCallback(
    (next: Profile, then: Screen = { name: 'home' }) => {
      writeLastProfileId(next.id);
      setProfile(next);
      navigate(then);
    },
    [navigate],
  );

  const goStart = useCallback(
    () => navigate(profile ? { name: 'home' } : { name: 'profiles' }),
    [navigate, profile],
  );

  return (
    <>
      <OfflineBanner />
      <RestartNotice />
      <Header
        profile={needsProfile(shown) ? profile : null}
        screen={shown}
        navigate={navigate}
        theme={theme}
      />
      <ErrorBoundary key={shownHash} onReset={goStart}>
        <ScreenView screen={shown} profile={profile} navigate={navigate} choose={choose} />
      </ErrorBoundary>
    </>
  );
}

interface ScreenViewProps {
  screen: Screen;
  profile: Profile | null;
  navigate: (screen: Screen) => void;
  choose: (profile: Profile, then?: Screen) => void;
}

function ScreenView({ screen, profile, navigate, choose }: ScreenViewProps) {
  if (screen.name === 'profiles') {
    return (
      <ProfilePicker
        currentId={profile?.id ?? null}
        onChoose={(p) => choose(p)}
        onNew={() => navigate({ name: 'profile-new' })}
      />
    );
  }
  if (screen.name === 'profile-new') {
    return (
      <ProfileEditor
        profile={null}
        onSaved={(p) => choose(p)}
        onCancel={() => navigate({ name: 'profiles' })}
      />
    );
  }
  // Every other screen needs a profile; the shell sends profile-less visits to the picker.
  if (!profile) return null;
  switch (screen.name) {
    case 'profile-edit':
      return (
        <ProfileEditor
          profile={profile}
          onSaved={(p) => choose(p)}
          onCancel={() => navigate({ name: 'home' })}
        />
      );
    case 'home':
      return <Home profile={profile} navigate={navigate} />;
    case 'setup':
      return <Setup profile={profile} navigate={navigate} />;
    case 'interview':
      return (
        <Interview
          key={screen.sessionId}
          profile={profile}
          sessionId={screen.sessionId}
          initial={screen.initial}
          navigate={navigate}
        />
      );
    case 'results':
      return (
        <Results
          key={screen.sessionId}
          profile={profile}
          sessionId={screen.sessionId}
          navigate={navigate}
        />
      );
    case 'history':
      return <History profile={profile} page={screen.page} navigate={navigate} />;
    case 'bank':
      return <QuestionBank profile={profile} navigate={navigate} />;
    case 'models':
      return <Models />;
    case 'progress':
      return (
        <Suspense fallback={<Loading />}>
          <Progress profile={profile} navigate={navigate} />
        </Suspense>
      );
  }
}
