'use client';

import { useEffect, useMemo } from 'react';
import { type SceneControllerApi } from '../scene/use-scene-controller';
import { alarmBadges } from './alarm-rows';
import { type AlarmSnapshot } from './alarm-store';

/**
 * Badges on the 3D assets (SceneController.showAlarmBadges), coloured by their highest
 * priority, from the alarms operators see. Sent again after every network load (a load clears them).
 */
export function useAlarmBadges(
  controller: SceneControllerApi | null,
  sceneLoaded: boolean,
  alarms: AlarmSnapshot,
): void {
  const badges = useMemo(() => alarmBadges(alarms.byKey), [alarms.byKey]);
  useEffect(() => {
    if (!controller || !sceneLoaded) return;
    controller.showAlarmBadges(badges);
  }, [controller, sceneLoaded, badges]);
}
