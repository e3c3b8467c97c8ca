/** Whether the alarm sound is muted, kept in localStorage per browser (not per user). */
export const MUTE_KEY = 'twinhelm.alarms.muted';

/** What the preference needs of localStorage (tests pass a Map-backed fake). */
export interface PreferenceStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
}

/** Muted only when stored so: a new console sounds. Unreadable storage counts as not muted. */
export function readMuted(storage: PreferenceStorage | null): boolean {
  try {
    return storage?.getItem(MUTE_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Stores the choice; returns false when the browser refused (private mode, quota). */
export function writeMuted(storage: PreferenceStorage | null, muted: boolean): boolean {
  try {
    if (!storage) return false;
    storage.setItem(MUTE_KEY, muted ? 'true' : 'false');
    return true;
  } catch {
    return false;
  }
}

/** window.localStorage when there is one (not during the static prerender). */
export function browserStorage(): PreferenceStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
