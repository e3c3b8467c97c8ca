'use client';

import { AppHeader } from '../components/AppHeader';
import { SiteList } from '../components/SiteList';

export default function HomePage() {
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>Sites</h1>
        <SiteList />
      </main>
    </>
  );
}
