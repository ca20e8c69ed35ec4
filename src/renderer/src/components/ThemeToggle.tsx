import type { Theme } from '../hooks/useTheme';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = {
  system: 'System theme',
  light: 'Light theme',
  dark: 'Dark theme',
};
const ICON: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

/** One button that cycles system → light → dark; its label says the current theme. */
export function ThemeToggle({ theme, onChange }: { theme: Theme; onChange: (t: Theme) => void }) {
  return (
    <button
      type="button"
      className="button button--ghost button--small theme-toggle"
      onClick={() => onChange(NEXT[theme])}
      aria-label={`${LABEL[theme]} (switch to ${LABEL[NEXT[theme]].toLowerCase()})`}
      title={`${LABEL[theme]} (click for ${LABEL[NEXT[theme]].toLowerCase()})`}
      data-theme-choice={theme}
    >
      <span aria-hidden="true">{ICON[theme]}</span>
    </button>
  );
}
