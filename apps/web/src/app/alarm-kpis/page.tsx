'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { AlarmKpisScreen } from '../../alarm-kpis/AlarmKpisScreen';
import { parseKpiParams } from '../../alarm-kpis/kpi-url';
import { AppHeader } from '../../components/AppHeader';

function AlarmKpisFromUrl() {
  const params = parseKpiParams(useSearchParams());
  if (!params.ok) {
    return (
      <main className="page">
        <div className="message message--error" role="alert">
          <p>{params.error}</p>
          <Link className="button" href="/alarm-kpis">
            Choose a site
          </Link>
        </div>
      </main>
    );
  }
  return (
    <AlarmKpisScreen key={params.view.siteId ?? ''} view={params.view} notices={params.notices} />
  );
}

/** /alarm-kpis?site=<id>[&period=24h|7d|30d | &from=<time>&to=<time>][&operators=<n>] */
export default function AlarmKpisPage() {
  return (
    <>
      <AppHeader />
      <Suspense
        fallback={
          <main className="page" aria-busy="true">
            Loading alarm KPIs…
          </main>
        }
      >
        <AlarmKpisFromUrl />
      </Suspense>
    </>
  );
}
