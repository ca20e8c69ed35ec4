import type { SessionState } from '../../shared/contract';

export type Screen =
  | { name: 'profiles' }
  | { name: 'profile-new' }
  | { name: 'profile-edit' }
  | { name: 'home' }
  | { name: 'setup' }
  /** `initial` skips a round trip when the setup screen has just started the session. */
  | { name: 'interview'; sessionId: string; initial?: SessionState }
  | { name: 'results'; sessionId: string }
  | { name: 'history'; page: number }
  | { name: 'progress' }
  | { name: 'bank' }
  | { name: 'models' };

export type Navigate = (screen: Screen) => void;

/** The hash mirrors the screen so a reload (or the Back button in a browser) lands in the same place. */
export function screenToHash(screen: Screen): string {
  switch (screen.name) {
    case 'interview':
    case 'results':
      return `#/${screen.name}/${encodeURIComponent(screen.sessionId)}`;
    case 'history':
      return screen.page > 1 ? `#/history/${screen.page}` : '#/history';
    default:
      return `#/${screen.name}`;
  }
}

export function hashToScreen(hash: string): Screen | null {
  const [name, arg] = hash.replace(/^#\/?/, '').split('/');
  const id = arg ? decodeURIComponent(arg) : '';
  switch (name) {
    case 'profiles':
    case 'profile-new':
    case 'profile-edit':
    case 'home':
    case 'setup':
    case 'bank':
    case 'models':
    case 'progress':
      return { name };
    case 'interview':
    case 'results':
      return id ? { name, sessionId: id } : null;
    case 'history': {
      const page = Number(arg ?? '1');
      return { name: 'history', page: Number.isInteger(page) && page > 0 ? page : 1 };
    }
    default:
      return null;
  }
}

/** Screens that make sense without a chosen profile. */
export function needsProfile(screen: Screen): boolean {
  return screen.name !== 'profiles' && screen.name !== 'profile-new';
}
