import Link from 'next/link';
import { UserMenu } from './UserMenu';

export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="brand" style={{ textDecoration: 'none' }}>
        Twinhelm
      </Link>
      <nav aria-label="Pages" style={{ display: 'flex', flexWrap: 'wrap', marginRight: 'auto' }}>
        <Link href="/alarm-rules" className="button button--ghost">
          Alarm rules
        </Link>
        <Link href="/alarm-kpis" className="button button--ghost">
          Alarm KPIs
        </Link>
      </nav>
      <UserMenu />
    </header>
  );
}
