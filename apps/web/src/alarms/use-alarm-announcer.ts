'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { type Announcement } from './alarm-store';
import { playAlarmTone, unlockAlarmTone } from './alarm-sound';
import { browserStorage, readMuted, writeMuted } from './mute-preference';

export interface AlarmAnnouncer {
  muted: boolean;
  toggleMute: () => void;
  /** Grows with every announcement of a new critical alarm (the banner flashes on change). */
  flashes: number;
  /** For the screen-reader alert: the last critical alarm announced. */
  lastCritical: Announcement | null;
  announce: (announcements: Announcement[]) => void;
}

/**
 * New critical alarms flash the banner and sound two tones unless muted (the choice is kept
 * in localStorage). Only what the server announced arrives here: shelved, suppressed and
 * out-of-service alarms never do.
 */
export function useAlarmAnnouncer(): AlarmAnnouncer {
  const [muted, setMuted] = useState(() => readMuted(browserStorage()));
  const mutedRef = useRef(muted);
  const [flashes, setFlashes] = useState(0);
  const [lastCritical, setLastCritical] = useState<Announcement | null>(null);

  // Browsers allow sound only after a user gesture: the first click or key press unlocks it.
  useEffect(() => {
    const unlock = () => {
      if (!mutedRef.current) unlockAlarmTone();
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    return () => {
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
  }, []);

  const toggleMute = useCallback(() => {
    const next = !mutedRef.current;
    mutedRef.current = next;
    setMuted(next);
    writeMuted(browserStorage(), next);
    if (!next) unlockAlarmTone();
  }, []);

  const announce = useCallback((announcements: Announcement[]) => {
    const critical = announcements.filter((a) => a.alarm.priority === 'critical');
    const newest = critical.at(-1);
    if (!newest) return;
    setFlashes((n) => n + 1);
    setLastCritical(newest);
    if (!mutedRef.current) playAlarmTone();
  }, []);

  return { muted, toggleMute, flashes, lastCritical, announce };
}
