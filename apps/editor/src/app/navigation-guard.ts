// Keeps a person from losing unsaved edits: in-app links and the browser's back button ask first.
// The popstate listener is registered when this module loads, before the router's, so it can stop
// the router from ever seeing a refused back navigation.
import { navigate, useBrowserLocation } from 'wouter/use-browser-location';

interface Guard {
  message: string;
  /** Where to return when a back/forward navigation is refused. */
  url: string;
}

let guard: Guard | null = null;

export function setNavigationGuard(message: string | null): void {
  guard = message ? { message, url: window.location.pathname + window.location.search } : null;
}

/** True when leaving is fine: nothing to lose, or the person agreed. */
export function confirmLeave(): boolean {
  if (!guard) return true;
  if (!window.confirm(guard.message)) return false;
  guard = null;
  return true;
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', (event) => {
    if (!guard) return;
    const { url } = guard;
    if (confirmLeave()) return;
    event.stopImmediatePropagation();
    window.history.pushState(null, '', url);
  });
}

type Navigate = typeof navigate;

const guardedNavigate: Navigate = (to, options) => {
  if (confirmLeave()) navigate(to, options);
};

/** wouter's browser location, with navigation that asks before dropping unsaved edits. */
export function useGuardedLocation(): [string, Navigate] {
  const [location] = useBrowserLocation();
  return [location, guardedNavigate];
}
