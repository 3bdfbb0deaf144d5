import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { UserMenu } from '../auth/UserMenu';

export function AppHeader({ children, title }: { children?: ReactNode; title?: ReactNode }) {
  return (
    <header className="app-header">
      <Link href="/" className="brand" aria-label="Hookflow: all flows">
        <span className="brand-mark" aria-hidden="true" />
        Hookflow
      </Link>
      <nav className="app-header-nav" aria-label="Main">
        <Link href="/executions">Executions</Link>
        <Link href="/credentials">Credentials</Link>
      </nav>
      {title ? <div className="app-header-title">{title}</div> : null}
      <div className="app-header-actions">{children}</div>
      <UserMenu />
    </header>
  );
}
