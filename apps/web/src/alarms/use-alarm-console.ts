'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { roleHas, type AlarmView, type Role } from '@twinhelm/contracts';
import { type SiteEvents } from '../live/site-events';
import { type AssetHighlight, type SceneControllerApi } from '../scene/use-scene-controller';
import { type OverlayCoordinator } from '../whatif/scene/overlay-coordinator';
import { type AlarmFeedState } from './alarm-feed';
import { alarmRows } from './alarm-rows';
import { type AlarmAnnouncer, useAlarmAnnouncer } from './use-alarm-announcer';
import { useAlarmBadges } from './use-alarm-badges';
import { useAlarmFeed } from './use-alarm-feed';

interface Options {
  siteId: string;
  events: SiteEvents;
  /** The live connection's lastSyncAt: a new value after every join of the site's room. */
  lastSyncAt: number | null;
  controller: SceneControllerApi | null;
  sceneLoaded: boolean;
  coordinator: OverlayCoordinator;
  role: Role | null;
  /** The alarm a link named (?alarm=), selected and shown at once. */
  initialSelected?: string | null;
}

export interface AlarmConsole {
  state: AlarmFeedState;
  announcer: AlarmAnnouncer;
  open: boolean;
  selected: string | null;
  canAct: boolean;
  canService: boolean;
  toggle: () => void;
  close: () => void;
  select: (key: string | null) => void;
  onActed: (alarm: AlarmView) => void;
  view: (highlights: AssetHighlight[]) => void;
}

/** Assets of an alarm and of the alarms grouped under it (the camera frames them all). */
function groupAssets(state: AlarmFeedState, key: string): { assetId: string; children: string[] } {
  const alarm = state.alarms.byKey.get(key);
  const assetId = alarm?.assetId ?? key.split('/')[0] ?? key;
  const everything = { priorities: [], states: 'all', text: '' } as const;
  const row = alarmRows(state.alarms.byKey, state.alarms.groups, everything).find(
    (r) => r.alarm.key === key,
  );
  const children = [...new Set((row?.children ?? []).map((c) => c.assetId))].filter(
    (id) => id !== assetId,
  );
  return { assetId, children };
}

/**
 * The console's alarm experience in one place: the feed, announcements, 3D badges, whether the
 * drawer is open, the selected alarm, and what selecting does to the scene (the camera flies to
 * the asset and selects it; a root cause also frames and marks the assets grouped under it).
 */
export function useAlarmConsole(options: Options): AlarmConsole {
  const { siteId, events, lastSyncAt, controller, sceneLoaded, coordinator, role } = options;
  const initialSelected = options.initialSelected ?? null;
  const announcer = useAlarmAnnouncer();
  const { feed, state } = useAlarmFeed(siteId, events, lastSyncAt, announcer.announce);
  useAlarmBadges(controller, sceneLoaded, state.alarms);
  // A link to an alarm (?alarm=) opens the drawer on it.
  const [open, setOpen] = useState(initialSelected !== null);
  const [selected, setSelected] = useState<string | null>(initialSelected);
  const stateRef = useRef(state);
  const marked = useRef(false);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const clearMarks = useCallback(() => {
    if (!marked.current) return;
    marked.current = false;
    coordinator.clearHighlights();
  }, [coordinator]);

  useEffect(() => {
    if (!controller || !sceneLoaded || selected === null) return;
    // After this commit's layout effects (the view insets of the opened panel), then fly.
    const frame = requestAnimationFrame(() => {
      const { assetId, children } = groupAssets(stateRef.current, selected);
      if (children.length === 0) {
        clearMarks();
        controller.focusAsset(assetId);
        return;
      }
      coordinator.highlight(
        children.map((id) => ({ assetId: id, role: 'affected' as const })),
        [assetId, ...children],
      );
      marked.current = true;
      controller.selectAsset(assetId);
    });
    return () => cancelAnimationFrame(frame);
  }, [controller, sceneLoaded, selected, coordinator, clearMarks]);

  const select = useCallback((key: string | null) => {
    setSelected(key);
    if (key !== null) setOpen(true);
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    setSelected(null);
    clearMarks();
  }, [clearMarks]);
  const toggle = useCallback(() => (open ? close() : setOpen(true)), [open, close]);
  const onActed = useCallback((alarm: AlarmView) => feed?.noteActed(alarm), [feed]);
  const view = useCallback(
    (highlights: AssetHighlight[]) => {
      coordinator.highlight(
        highlights,
        highlights.filter((h) => h.role !== 'affected').map((h) => h.assetId),
      );
      marked.current = true;
    },
    [coordinator],
  );

  return {
    state,
    announcer,
    open,
    selected,
    canAct: role !== null && roleHas(role, 'alarm:act'),
    canService: role !== null && roleHas(role, 'alarm:service'),
    toggle,
    close,
    select,
    onActed,
    view,
  };
}
