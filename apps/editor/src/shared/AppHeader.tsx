import type { ReactNode } from 'react';
import { Link } from 'wouter';

export function AppHeader({ children, title }: { children?: ReactNode; title?: ReactNode }) {
  return (
    <header className="app-header">
      <Link href="/" className="brand" aria-label="Hookflow: all flows">
        <span className="brand-mark" aria-hidden="true" />
        Hookflow
      </Link>
      {title ? <div className="app-header-title">{title}</div> : null}
      <div className="app-header-actions">{children}</div>
    </header>
  );
}
