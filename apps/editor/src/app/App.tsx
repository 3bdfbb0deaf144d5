import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { FlowsPage } from '../flows-page/FlowsPage';
import { LoadingState } from '../shared/LoadingState';
import { NotFound } from './NotFound';
import { useGuardedLocation } from './navigation-guard';

// The flows list loads first; the canvas and the executions view are their own chunks.
const EditorPage = lazy(() => import('../editor/EditorPage'));
const ExecutionsPage = lazy(() => import('../executions/ExecutionsPage'));
const CredentialsPage = lazy(() => import('../credentials/CredentialsPage'));
const ApiKeysPage = lazy(() => import('../auth/ApiKeysPage'));
const AuditLogPage = lazy(() => import('../audit/AuditLogPage'));
const UsersPage = lazy(() => import('../auth/UsersPage'));
const AllExecutionsPage = lazy(() => import('../executions/AllExecutionsPage'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Router hook={useGuardedLocation}>
        <Suspense fallback={<LoadingState label="Loading…" />}>
          <Switch>
            <Route path="/" component={FlowsPage} />
            <Route path="/executions" component={AllExecutionsPage} />
            <Route path="/credentials" component={CredentialsPage} />
            <Route path="/flows/:id">{(params) => <EditorPage key={params.id} flowId={params.id} />}</Route>
            <Route path="/flows/:id/executions">{(params) => <ExecutionsPage flowId={params.id} />}</Route>
            <Route path="/flows/:id/executions/:executionId">{(params) => <ExecutionsPage flowId={params.id} executionId={params.executionId} />}</Route>
            <Route path="/settings/api-keys" component={ApiKeysPage} />
            <Route path="/settings/audit" component={AuditLogPage} />
            <Route path="/settings/users" component={UsersPage} />
            <Route component={NotFound} />
          </Switch>
        </Suspense>
      </Router>
    </QueryClientProvider>
  );
}
