// The frame of the sign-in and setup pages: a card in the middle of the page, or over the app
// when a session ends while someone works.
import type { ReactNode } from 'react';

export function AuthCard({ title, children, overlay = false }: { title: string; children: ReactNode; overlay?: boolean }) {
  return (
    <div className={overlay ? 'auth-page auth-overlay' : 'auth-page'} role={overlay ? 'dialog' : undefined} aria-modal={overlay || undefined} aria-labelledby="auth-title">
      <div className="card auth-card">
        <div className="brand auth-brand">
          <span className="brand-mark" aria-hidden="true" />
          Hookflow
        </div>
        <h1 id="auth-title" className="page-title">
          {title}
        </h1>
        {children}
      </div>
    </div>
  );
}
