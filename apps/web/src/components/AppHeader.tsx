import Link from 'next/link';
import { UserMenu } from './UserMenu';

export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="brand" style={{ textDecoration: 'none' }}>
        Twinhelm
      </Link>
      <Link href="/alarm-rules" className="button button--ghost">
        Alarm rules
      </Link>
      <UserMenu />
    </header>
  );
}
