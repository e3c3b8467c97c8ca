'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { ConsoleScreen } from '../../console/ConsoleScreen';
import { parseConsoleParams } from '../../lib/url-state';

function ConsoleFromUrl() {
  const params = parseConsoleParams(useSearchParams());
  if (!params.ok) {
    return (
      <main className="centered">
        <div className="message message--error" role="alert">
          <p>{params.error}</p>
          <Link className="button" href="/">
            Go to the site list
          </Link>
        </div>
      </main>
    );
  }
  return (
    <ConsoleScreen
      key={params.siteId}
      siteId={params.siteId}
      assetId={params.assetId}
      scenarioId={params.scenarioId}
      alarmKey={params.alarmKey}
    />
  );
}

export default function ConsolePage() {
  return (
    <Suspense
      fallback={
        <main className="centered" aria-busy="true">
          Loading console…
        </main>
      }
    >
      <ConsoleFromUrl />
    </Suspense>
  );
}
