import { useCallback, useEffect, useState } from 'react';
import type { Profile, ProfileSettings } from '../../../shared/contract';
import { useApi } from '../api/context';

export type Theme = ProfileSettings['theme'];

/** Puts the profile's theme on <html data-theme>; 'system' follows the OS (styles.css). */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
}

/** The profile's stored theme (settings.get / settings.update), applied to the document. */
export function useTheme(profile: Profile | null) {
  const api = useApi();
  const [theme, setThemeState] = useState<Theme>('system');
  const profileId = profile?.id ?? null;

  useEffect(() => {
    if (profileId === null) {
      applyTheme('system');
      return undefined;
    }
    let live = true;
    api.invoke('settings.get', { profileId }).then(
      (s) => {
        if (!live) return;
        setThemeState(s.theme);
        applyTheme(s.theme);
      },
      () => undefined, // a missing setting keeps the system theme
    );
    return () => {
      live = false;
    };
  }, [api, profileId]);

  const setTheme = useCallback(
    (next: Theme) => {
      setThemeState(next);
      applyTheme(next);
      if (profileId !== null)
        api.invoke('settings.update', { profileId, theme: next }).catch(() => undefined);
    },
    [api, profileId],
  );
  return { theme, setTheme };
}

/** Re-renders when the effective colour scheme changes (theme toggle or the OS setting). */
export function useColourSchemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', bump);
    };
  }, []);
  return version;
}
