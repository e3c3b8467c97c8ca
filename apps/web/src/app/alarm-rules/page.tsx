'use client';

import '../../alarm-rules/alarm-rules.css';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { AlarmRulesScreen } from '../../alarm-rules/AlarmRulesScreen';
import { parseAlarmRulesParams } from '../../alarm-rules/alarm-rules-url';
import { AppHeader } from '../../components/AppHeader';

function AlarmRulesFromUrl() {
  const params = parseAlarmRulesParams(useSearchParams());
  if (!params.ok) {
    return (
      <main className="page">
        <div className="message message--error" role="alert">
          <p>{params.error}</p>
          <Link className="button" href="/alarm-rules">
            Choose a site
          </Link>
        </div>
      </main>
    );
  }
  return <AlarmRulesScreen key={params.view.siteId ?? ''} view={params.view} />;
}

/** /alarm-rules?site=<id>[&type=<asset type>][&asset=<id>][&rule=<rule id>] */
export default function AlarmRulesPage() {
  return (
    <>
      <AppHeader />
      <Suspense
        fallback={
          <main className="page" aria-busy="true">
            Loading alarm rules…
          </main>
        }
      >
        <AlarmRulesFromUrl />
      </Suspense>
    </>
  );
}
