'use client';

import { roleHas, type AlarmKpisResponse } from '@twinhelm/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { useAssets, useMe, useSites } from '../api/queries';
import { alarmRulesHref } from '../alarm-rules/alarm-rules-url';
import { formatWhen } from '../alarm-rules/format-when';
import { ErrorMessage } from '../components/ErrorMessage';
import { consoleHref } from '../lib/url-state';
import { useAlarmKpis } from './api/alarm-kpi-queries';
import { headlineFigures, isQuietPeriod } from './kpi-benchmarks';
import { operatorsText } from './kpi-format';
import { periodRange } from './kpi-period';
import { chatteringRows, priorityBars, staleRows, standingRows } from './kpi-rows';
import { alarmKpisHref, type KpiView } from './kpi-url';
import { KpiControls } from './KpiControls';
import { KpiFigures } from './KpiFigures';
import { PriorityBars } from './PriorityBars';
import { ChatteringTable, StaleTable, StandingTable } from './KpiTables';

type Go = (next: Partial<KpiView>) => void;

/** The alarm KPI page: who may read it, then the site's KPIs (or a site list). */
export function AlarmKpisScreen({ view, notices }: { view: KpiView; notices: readonly string[] }) {
  const router = useRouter();
  const me = useMe();
  const go = useCallback<Go>(
    (next) => router.replace(alarmKpisHref({ ...view, ...next }), { scroll: false }),
    [router, view],
  );
  if (me.isPending) return <main className="page" aria-busy="true" />;
  if (me.isError) {
    return (
      <main className="page">
        <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!roleHas(me.data.role, 'alarm:read')) {
    return (
      <main className="page">
        <p className="message">
          Your role ({me.data.role}) cannot see alarms. Ask an administrator for access.
        </p>
      </main>
    );
  }
  if (view.siteId === null) return <SitePicker view={view} />;
  return <SiteKpis siteId={view.siteId} view={view} notices={notices} go={go} />;
}

function SitePicker({ view }: { view: KpiView }) {
  const sites = useSites();
  return (
    <main className="page">
      <h1>Alarm KPIs</h1>
      {sites.isPending ? <p aria-busy="true">Loading sites…</p> : null}
      {sites.isError ? (
        <ErrorMessage error={sites.error} onRetry={() => void sites.refetch()} />
      ) : null}
      {sites.data ? (
        <ul className="alarm-kpis__sites">
          {sites.data.sites.map((site) => (
            <li key={site.id}>
              <Link className="button" href={alarmKpisHref({ ...view, siteId: site.id })}>
                {site.name} <span className="search__id">{site.id}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}

function SiteKpis({
  siteId,
  view,
  notices,
  go,
}: {
  siteId: string;
  view: KpiView;
  notices: readonly string[];
  go: Go;
}) {
  const kpis = useAlarmKpis(siteId, view.period, view.operators);
  const data = kpis.data;
  const range = data ?? periodRange(view.period, Date.now());
  const updating = kpis.isFetching && kpis.isPlaceholderData;
  return (
    <main className="page alarm-kpis" aria-busy={kpis.isPending || updating}>
      <div className="alarm-kpis__head">
        <h1>
          Alarm KPIs <span className="search__id">{siteId}</span>
        </h1>
        <div className="alarm-kpis__links">
          <Link className="button" href={consoleHref(siteId)}>
            Open the console
          </Link>
          <Link className="button button--ghost" href={alarmRulesHref({ siteId })}>
            Alarm rules
          </Link>
        </div>
      </div>
      {notices.map((notice) => (
        <p key={notice} className="message message--warning" role="status">
          {notice}
        </p>
      ))}
      <KpiControls view={view} range={range} onChange={go} />
      {data ? (
        <p className="alarm-kpis__period" role="status">
          {formatWhen(data.from)} – {formatWhen(data.to)} · {operatorsText(data.operators)}
          {updating ? <span className="alarm-kpis__updating"> · updating…</span> : null}
        </p>
      ) : null}
      {kpis.isPending ? <p aria-busy="true">Computing the KPIs…</p> : null}
      {kpis.isError ? (
        <ErrorMessage error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : null}
      {data ? <KpiBody siteId={siteId} kpis={data} /> : null}
    </main>
  );
}

function KpiBody({ siteId, kpis }: { siteId: string; kpis: AlarmKpisResponse }) {
  const assets = useAssets(siteId);
  const names = useMemo(
    () => new Map((assets.data?.assets ?? []).flatMap((a) => (a.name ? [[a.id, a.name]] : []))),
    [assets.data],
  );
  if (isQuietPeriod(kpis)) {
    return (
      <p className="message alarm-kpis__quiet" role="status">
        No alarms in this period: nothing was announced, nothing stood or waited for
        acknowledgement.
      </p>
    );
  }
  return (
    <>
      <KpiFigures figures={headlineFigures(kpis)} />
      <div className="alarm-kpis__grid">
        <PriorityBars bars={priorityBars(kpis.byPriority)} />
        <ChatteringTable rows={chatteringRows(siteId, kpis.chattering, names)} />
        <StaleTable rows={staleRows(siteId, kpis.staleData, names)} />
        <StandingTable rows={standingRows(siteId, kpis.standing, names)} />
      </div>
    </>
  );
}
