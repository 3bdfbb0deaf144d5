// The audit log for the owner: who did what, and when, newest first, a page at a time. Other roles
// get a short explanation instead (the server would answer 403 anyway).
import { useInfiniteQuery } from '@tanstack/react-query';
import { useAuthSession } from '../auth/auth-context';
import { AppHeader } from '../shared/AppHeader';
import { EmptyState } from '../shared/EmptyState';
import { ErrorMessage } from '../shared/ErrorMessage';
import { formatTime } from '../shared/format';
import { LoadingState } from '../shared/LoadingState';
import { auditApi, auditQueryKey } from './audit-api';
import { describeActor, describeEntry } from './audit-wording';

const PAGE_SIZE = 50;

export default function AuditLogPage() {
  const session = useAuthSession();
  // Outside the auth gate (component tests) there is no session: the server decides.
  const ownerOrUnknown = !session || session.user.role === 'owner';
  const log = useInfiniteQuery({
    queryKey: auditQueryKey,
    queryFn: ({ pageParam }) => auditApi.page({ limit: PAGE_SIZE, cursor: pageParam || undefined }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: ownerOrUnknown,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="app">
      <AppHeader title="Audit log" />
      <main className="page">
        <h1 className="page-title">Audit log</h1>
        {ownerOrUnknown ? (
          <>
            <p className="muted">Who changed flows, credentials, people and API keys, who signed in (or tried to), and who replayed what. Passwords and secrets are never kept here.</p>
            {log.isLoading ? <LoadingState label="Loading the audit log…" /> : null}
            <ErrorMessage error={log.isFetchNextPageError ? null : log.error} title="Could not load the audit log" />
            {log.data && entries.length === 0 ? <EmptyState title="Nothing recorded yet">Changes and sign-ins show up here as they happen.</EmptyState> : null}
            {entries.length > 0 ? (
              <table className="table" data-testid="audit-table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.id} data-testid="audit-row">
                      <td title={entry.at}>{formatTime(entry.at)}</td>
                      <td>{describeActor(entry.actor)}</td>
                      <td>{describeEntry(entry)}</td>
                      <td className="muted">{entry.ip ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {log.hasNextPage ? (
              <button type="button" className="button small" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            ) : null}
            <ErrorMessage error={log.isFetchNextPageError ? log.error : null} title="Could not load more" />
          </>
        ) : (
          <EmptyState title="Only the owner can see the audit log">Ask the owner of this Hookflow if you need to know who changed something.</EmptyState>
        )}
      </main>
    </div>
  );
}
