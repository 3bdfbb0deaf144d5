import { formatTime } from './format';

/** Beside a waiting run's status: when its delay ends and it goes on. */
export function WaitingUntil({ status, resumeAt }: { status: string; resumeAt?: string | null }) {
  if (status !== 'waiting' || !resumeAt) return null;
  return (
    <span className="muted small-text" data-testid="waiting-until">
      {' '}
      · until {formatTime(resumeAt)}
    </span>
  );
}
