'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { type AlarmView, type AssetWithLatest } from '@twinhelm/contracts';
import { type AssetLiveStore } from '../live/asset-live-store';
import { type SiteEvents } from '../live/site-events';
import { type AssetHighlight } from '../scene/use-scene-controller';
import { type AlarmFeedState } from './alarm-feed';
import { countsText } from './alarm-format';
import {
  DEFAULT_FILTER,
  alarmRows,
  stepSelection,
  visibleKeys,
  type AlarmFilter,
} from './alarm-rows';
import { shortcutFor } from './alarm-shortcuts';
import { ALARM_DRAWER_ID, ALARM_TOGGLE_ID } from './AlarmBanner';
import { AlarmList } from './AlarmList';
import { AlarmPanel } from './AlarmPanel';
import { useAlarmCommands } from './use-alarm-commands';

interface Props {
  siteId: string;
  state: AlarmFeedState;
  selected: string | null;
  canAct: boolean;
  canService: boolean;
  store: AssetLiveStore;
  events: SiteEvents;
  assetsById: ReadonlyMap<string, AssetWithLatest>;
  onSelect: (key: string | null) => void;
  onClose: () => void;
  onActed: (alarm: AlarmView) => void;
  onView: (highlights: AssetHighlight[]) => void;
}

const EVERYTHING: AlarmFilter = { priorities: [], states: 'all', text: '' };

const isUnack = (a: AlarmView | undefined) =>
  a !== undefined && (a.state === 'unack_active' || a.state === 'unack_rtn');

/**
 * The alarm side panel: the list (filters, groups) and the selected alarm's panel, beside each
 * other on wall screens, one at a time below. Shortcuts (not while typing): A acknowledge,
 * S shelve, J/K or arrows move, Esc closes the alarm, then the drawer.
 */
export function AlarmDrawer(props: Props) {
  const { siteId, state, selected, canAct, onSelect } = props;
  const [filter, setFilter] = useState<AlarmFilter>(DEFAULT_FILTER);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [shelveRequest, setShelveRequest] = useState(0);
  const commands = useAlarmCommands(siteId, props.onActed);
  const rootRef = useRef<HTMLElement>(null);
  const { byKey, groups } = state.alarms;

  const rows = useMemo(() => alarmRows(byKey, groups, filter), [byKey, groups, filter]);
  const allRows = useMemo(() => alarmRows(byKey, groups, EVERYTHING), [byKey, groups]);
  const groupOf = useMemo(() => {
    const parents = new Map<string, string>();
    for (const row of allRows)
      for (const child of row.children) parents.set(child.key, row.alarm.key);
    return parents;
  }, [allRows]);

  // A child chosen elsewhere (banner, panel, 3D) opens its group in the list.
  const parentOfSelected = selected === null ? undefined : groupOf.get(selected);
  useEffect(() => {
    if (parentOfSelected !== undefined)
      setExpanded((prev) =>
        prev.has(parentOfSelected) ? prev : new Set(prev).add(parentOfSelected),
      );
  }, [parentOfSelected]);

  const toggleExpanded = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const focusRow = (key: string) =>
    requestAnimationFrame(() =>
      rootRef.current
        ?.querySelector<HTMLElement>(`.alarms__list [data-alarm-key="${CSS.escape(key)}"]`)
        ?.focus(),
    );

  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (selected === null) headingRef.current?.focus();
    // Only when the drawer opens: the panel focuses its own heading.
  }, []);
  const closeDrawer = () => {
    props.onClose();
    document.getElementById(ALARM_TOGGLE_ID)?.focus();
  };

  const back = () => {
    if (selected === null) return;
    onSelect(null);
    focusRow(selected);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const shortcut = shortcutFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      defaultPrevented: event.defaultPrevented,
      target: event.target,
    });
    if (shortcut === null) return;
    const alarm = selected === null ? undefined : byKey.get(selected);
    if (shortcut === 'next' || shortcut === 'previous') {
      const next = stepSelection(
        visibleKeys(rows, expanded),
        selected,
        shortcut === 'next' ? 1 : -1,
      );
      if (next === null) return;
      event.preventDefault();
      onSelect(next);
      if (rootRef.current?.querySelector('.alarms__list')?.contains(event.target as Node))
        focusRow(next);
      return;
    }
    if (shortcut === 'close') {
      event.preventDefault();
      if (selected !== null) back();
      else closeDrawer();
      return;
    }
    if (!canAct || alarm === undefined) return;
    if (shortcut === 'acknowledge' && isUnack(alarm)) {
      event.preventDefault();
      commands.act([alarm.key], { type: 'acknowledge' });
    }
    if (shortcut === 'shelve') {
      event.preventDefault();
      setShelveRequest((n) => n + 1);
    }
  };

  const row = selected === null ? undefined : allRows.find((r) => r.alarm.key === selected);
  const selectedAlarm = selected === null ? undefined : byKey.get(selected);
  return (
    <aside
      ref={rootRef}
      className={selected === null ? 'alarms' : 'alarms alarms--detail'}
      id={ALARM_DRAWER_ID}
      aria-labelledby="alarms-title"
      onKeyDown={onKeyDown}
    >
      <div className="alarms__head">
        <h2 id="alarms-title" ref={headingRef} tabIndex={-1}>
          Alarms
        </h2>
        <span className="alarms__counts num">
          {state.alarms.loaded ? countsText(state.alarms.counts) : ''}
        </span>
        <button
          type="button"
          className="button button--ghost"
          aria-label="Close alarms"
          onClick={closeDrawer}
        >
          ✕
        </button>
      </div>
      {commands.problem ? (
        <p className="message message--error alarms__problem" role="alert">
          {commands.problem}{' '}
          <button type="button" className="button button--ghost" onClick={commands.dismiss}>
            Dismiss
          </button>
        </p>
      ) : null}
      <div className="alarms__body">
        <AlarmList
          state={state}
          rows={rows}
          filter={filter}
          onFilter={setFilter}
          selected={selected}
          expanded={expanded}
          canAct={canAct}
          busy={commands.busy}
          onSelect={onSelect}
          onToggleExpanded={toggleExpanded}
          onAcknowledge={(keys) => commands.act(keys, { type: 'acknowledge' })}
        />
        {selected !== null ? (
          <AlarmPanel
            key={selected}
            siteId={siteId}
            alarmKey={selected}
            live={selectedAlarm}
            group={row}
            assetType={
              selectedAlarm ? props.assetsById.get(selectedAlarm.assetId)?.type : undefined
            }
            canAct={canAct}
            canService={props.canService}
            shelveRequest={shelveRequest}
            store={props.store}
            events={props.events}
            onActed={props.onActed}
            onSelect={onSelect}
            onAcknowledgeGroup={(keys) => commands.act(keys, { type: 'acknowledge' })}
            onBack={back}
            onClose={back}
            onView={props.onView}
          />
        ) : null}
      </div>
    </aside>
  );
}
