'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { roleHas } from '@twinhelm/contracts';
import { AlarmBanner } from '../alarms/AlarmBanner';
import { AlarmDrawer } from '../alarms/AlarmDrawer';
import { useAlarmConsole } from '../alarms/use-alarm-console';
import { useAssets, useMe, useNetwork, useSite } from '../api/queries';
import { AssetPanel } from '../components/AssetPanel';
import { AssetSearch } from '../components/AssetSearch';
import { ConnectionIndicator } from '../components/ConnectionIndicator';
import { ErrorMessage } from '../components/ErrorMessage';
import { Legend } from '../components/Legend';
import { SceneControls } from '../components/SceneControls';
import { UserMenu } from '../components/UserMenu';
import { AssetLiveStore } from '../live/asset-live-store';
import { SiteEvents } from '../live/site-events';
import { consoleHref } from '../lib/url-state';
import { useSceneController, useSceneViewState } from '../scene/use-scene-controller';
import { useSceneSelectionSync } from './use-scene-selection-sync';
import { useTwinLive } from './use-twin-live';
import { useViewInsets } from './use-view-insets';
import { NowcastToggle } from '../whatif/NowcastToggle';
import { OverlayBanner } from '../whatif/OverlayBanner';
import { OverlayCoordinator } from '../whatif/scene/overlay-coordinator';
import { WHATIF_DRAWER_ID, WhatIfDrawer } from '../whatif/WhatIfDrawer';
import { WhatIfContext, type WhatIfEnv } from '../whatif/whatif-context';

/** The 3D console of one site: scene, top bar, search, controls, legend and the asset panel. */
export function ConsoleScreen({
  siteId,
  assetId,
  scenarioId = null,
  alarmKey = null,
}: {
  siteId: string;
  assetId: string | null;
  /** A scenario to open in the what-if panel (?scenario=…). */
  scenarioId?: string | null;
  /** An alarm to open in the alarm panel (?alarm=<assetId>/<ruleId>). */
  alarmKey?: string | null;
}) {
  const router = useRouter();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const scene = useSceneController(canvasRef);
  const controller = scene.controller;
  const view = useSceneViewState(controller);
  const site = useSite(siteId);
  const network = useNetwork(siteId);
  const assets = useAssets(siteId);
  const [store] = useState(() => new AssetLiveStore());
  const [events] = useState(() => new SiteEvents(siteId));
  const me = useMe();
  const [whatIfOpen, setWhatIfOpen] = useState(scenarioId !== null);
  const whatIfButton = useRef<HTMLButtonElement>(null);
  const coordinator = useMemo(() => new OverlayCoordinator(controller), [controller]);
  const [loadedNetwork, setLoadedNetwork] = useState<object | null>(null);

  useEffect(() => () => store.dispose(), [store]);

  useEffect(() => {
    if (!controller || !network.data) return;
    controller.load(network.data);
    setLoadedNetwork(network.data);
  }, [controller, network.data]);
  const sceneLoaded =
    controller !== null && loadedNetwork !== null && loadedNetwork === network.data;

  // Live values still matter when there is no 3D view (no WebGL, or no network model yet).
  const liveEnabled = sceneLoaded || scene.status === 'failed' || network.isError;
  const live = useTwinLive(siteId, controller, liveEnabled, store, events);
  const alarms = useAlarmConsole({
    siteId,
    events,
    lastSyncAt: live.lastSyncAt,
    controller,
    sceneLoaded,
    coordinator,
    role: me.data?.role ?? null,
    initialSelected: alarmKey,
  });

  // The URL follows the selected asset and the open alarm, so either can be linked to.
  const openAlarm = alarms.selected;
  const showAsset = useCallback(
    (id: string | null) =>
      router.replace(consoleHref(siteId, id, null, openAlarm), { scroll: false }),
    [router, siteId, openAlarm],
  );
  const urlAlarm = useRef(alarmKey);
  useEffect(() => {
    if (urlAlarm.current === openAlarm) return;
    urlAlarm.current = openAlarm;
    router.replace(consoleHref(siteId, assetId, null, openAlarm), { scroll: false });
  }, [router, siteId, assetId, openAlarm]);
  const notice = useSceneSelectionSync(
    controller,
    sceneLoaded,
    view?.selectedAssetId ?? null,
    assetId,
    showAsset,
  );

  useViewInsets(
    controller,
    rootRef,
    canvasRef,
    `${assetId ?? ''}|${view?.status ?? ''}|${whatIfOpen ? 'whatif' : ''}|${alarms.open ? 'alarms' : ''}|${alarms.selected ?? ''}`,
  );

  const assetsById = useMemo(
    () => new Map((assets.data?.assets ?? []).map((a) => [a.id, a])),
    [assets.data],
  );
  const selected = assetId === null ? undefined : assetsById.get(assetId);
  const seedReady = selected !== undefined;
  useEffect(() => {
    store.select(assetId, assetId === null ? {} : (assetsById.get(assetId)?.latest ?? {}));
    // Re-seed only when the selection changes or its first list entry arrives, not on every refetch.
  }, [store, assetId, seedReady]);

  const choose = (id: string) => {
    controller?.focusAsset(id);
    showAsset(id);
  };
  const close = () => {
    controller?.selectAsset(null);
    showAsset(null);
  };

  const whatIfEnv: WhatIfEnv = useMemo(
    () => ({
      siteId,
      coordinator,
      events,
      assetsById,
      selectedAssetId: assetId,
      colorBy: view?.colorBy ?? 'pressure',
      canRun: me.data ? roleHas(me.data.role, 'scenario:run') : false,
    }),
    [siteId, coordinator, events, assetsById, assetId, view?.colorBy, me.data],
  );
  const closeWhatIf = () => {
    setWhatIfOpen(false);
    whatIfButton.current?.focus();
  };

  const sceneProblem =
    scene.status === 'failed'
      ? scene.error
      : view?.status === 'error'
        ? (view.error ?? 'The 3D view failed.')
        : null;

  return (
    <div className="console" ref={rootRef}>
      <canvas
        ref={canvasRef}
        className="scene-canvas"
        aria-label={`3D view of site ${siteId}`}
        tabIndex={0}
      />
      <header className="console__top">
        <Link href="/" className="button button--ghost" aria-label="All sites">
          ◂ Sites
        </Link>
        <div className="console__title">
          <h1>{site.data?.name ?? siteId}</h1>
          <span className="search__id">{siteId}</span>
        </div>
        <ConnectionIndicator state={live} />
        <AlarmBanner
          state={alarms.state}
          announcer={alarms.announcer}
          open={alarms.open}
          onToggle={() => {
            setWhatIfOpen(false);
            alarms.toggle();
          }}
          onSelect={(key) => {
            setWhatIfOpen(false);
            alarms.select(key);
          }}
        />
        <button
          ref={whatIfButton}
          type="button"
          className={whatIfOpen ? 'button button--primary' : 'button'}
          aria-expanded={whatIfOpen}
          aria-controls={whatIfOpen ? WHATIF_DRAWER_ID : undefined}
          onClick={() => {
            if (whatIfOpen) return closeWhatIf();
            alarms.close();
            setWhatIfOpen(true);
          }}
        >
          What-if
        </button>
        <UserMenu />
      </header>
      <div className="console__side">
        <AssetSearch
          assets={assets.data?.assets}
          unavailable={
            assets.isError ? 'Asset list unavailable' : assets.isPending ? 'Loading assets…' : null
          }
          onChoose={choose}
        />
        {controller && view ? <SceneControls controller={controller} view={view} /> : null}
        {view && view.status === 'ready' ? <Legend legend={view.legend} /> : null}
        {controller ? (
          <NowcastToggle siteId={siteId} events={events} coordinator={coordinator} />
        ) : null}
      </div>
      <div className="console__notice">
        {network.isError ? (
          <ErrorMessage error={network.error} onRetry={() => void network.refetch()} />
        ) : null}
        {site.isError && !network.isError ? <ErrorMessage error={site.error} /> : null}
        {sceneProblem ? (
          <p className="message message--error" role="alert">
            {sceneProblem}
          </p>
        ) : null}
        {notice ? (
          <p className="message message--warning" role="status">
            {notice}
          </p>
        ) : null}
        {live.status === 'offline' && live.error ? (
          <p className="message message--error" role="alert">
            {live.error}
          </p>
        ) : null}
      </div>
      {view?.overlay ? (
        <OverlayBanner
          overlay={view.overlay}
          beside={whatIfOpen || alarms.open ? 'whatif' : assetId !== null ? 'panel' : 'none'}
        />
      ) : null}
      {whatIfOpen ? (
        <WhatIfContext value={whatIfEnv}>
          <WhatIfDrawer onClose={closeWhatIf} initialScenarioId={scenarioId} />
        </WhatIfContext>
      ) : null}
      {alarms.open ? (
        <AlarmDrawer
          siteId={siteId}
          state={alarms.state}
          selected={alarms.selected}
          canAct={alarms.canAct}
          canService={alarms.canService}
          store={store}
          events={events}
          assetsById={assetsById}
          onSelect={alarms.select}
          onClose={alarms.close}
          onActed={alarms.onActed}
          onView={alarms.view}
        />
      ) : null}
      {assetId !== null && !whatIfOpen && !alarms.open ? (
        <AssetPanel
          key={assetId}
          siteId={siteId}
          assetId={assetId}
          asset={selected}
          listLoaded={assets.isSuccess}
          store={store}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
