// The signed-in person in the header: who, their role, users, API keys and the audit log (owner) and sign-out.
import { Link } from 'wouter';
import { useAuthSession } from './auth-context';

export function UserMenu() {
  const session = useAuthSession();
  if (!session) return null;
  const { user } = session;
  return (
    <div className="user-menu" data-testid="user-menu">
      <span title={`Signed in as ${user.email} (${user.role})`}>
        {user.name ?? user.email} <span className="pill">{user.role}</span>
      </span>
      {user.role === 'owner' ? (
        <>
          <Link href="/settings/users" className="header-link">
            Users
          </Link>
          <Link href="/settings/api-keys" className="header-link">
            API keys
          </Link>
          <Link href="/settings/audit" className="header-link">
            Audit log
          </Link>
        </>
      ) : null}
      <button type="button" className="button small" onClick={() => void session.signOut()}>
        Sign out
      </button>
    </div>
  );
}
