import { describe, expect, it } from 'vitest';
import { MUTE_KEY, readMuted, writeMuted, type PreferenceStorage } from './mute-preference';

function memory(): PreferenceStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('mute preference', () => {
  it('is off until chosen, then remembered', () => {
    const storage = memory();
    expect(readMuted(storage)).toBe(false);
    expect(writeMuted(storage, true)).toBe(true);
    expect(storage.data.get(MUTE_KEY)).toBe('true');
    expect(readMuted(storage)).toBe(true);
    writeMuted(storage, false);
    expect(readMuted(storage)).toBe(false);
  });

  it('survives a browser that refuses storage', () => {
    const refusing: PreferenceStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readMuted(refusing)).toBe(false);
    expect(writeMuted(refusing, true)).toBe(false);
    expect(readMuted(null)).toBe(false);
  });
});
