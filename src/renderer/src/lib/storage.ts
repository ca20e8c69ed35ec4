const LAST_PROFILE_KEY = 'rehearse.lastProfileId';

// Storage can throw (private mode, disabled storage); remembering the profile is only a courtesy.
export function readLastProfileId(): string | null {
  try {
    return localStorage.getItem(LAST_PROFILE_KEY);
  } catch {
    return null;
  }
}

export function writeLastProfileId(profileId: string): void {
  try {
    localStorage.setItem(LAST_PROFILE_KEY, profileId);
  } catch {
    // ignored: see above
  }
}
