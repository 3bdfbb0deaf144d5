import { Link } from 'wouter';
import { EmptyState } from '../shared/EmptyState';

export function NotFound() {
  return (
    <main className="page">
      <EmptyState title="Page not found" action={<Link href="/" className="button">Back to flows</Link>}>
        There is nothing at this address.
      </EmptyState>
    </main>
  );
}
