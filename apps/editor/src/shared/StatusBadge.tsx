const LABELS: Record<string, string> = {
  success: 'Success',
  filtered: 'Filtered',
  waiting: 'Waiting',
  cancelled: 'Cancelled',
  error: 'Error',
  skipped: 'Skipped',
  queued: 'Queued',
  running: 'Running',
  accepted: 'Accepted',
  done: 'Done',
  rejected: 'Rejected',
};

export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`status-badge status-${status}`} data-testid={testId} data-status={status}>
      {LABELS[status] ?? status}
    </span>
  );
}
