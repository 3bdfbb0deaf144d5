import { useState } from 'react';
import { errorText } from '../api/http';
import { useFlows } from '../api/queries';
import { AppHeader } from '../shared/AppHeader';
import { EmptyState } from '../shared/EmptyState';
import { ErrorMessage } from '../shared/ErrorMessage';
import { LoadingState } from '../shared/LoadingState';
import { FlowRow } from './FlowRow';
import { ImportFlowButton } from './ImportFlowButton';
import { TemplateGallery } from './TemplateGallery';
import { EMPTY_FLOW, useFlowMutations } from './use-flow-mutations';

export function FlowsPage() {
  const flows = useFlows();
  const mutations = useFlowMutations();
  const [showTemplates, setShowTemplates] = useState(false);
  const failed = [mutations.create, mutations.rename, mutations.duplicate, mutations.remove].find((mutation) => mutation.error);

  return (
    <div className="app">
      <AppHeader>
        <button type="button" className="button primary" onClick={() => mutations.create.mutate({ document: EMPTY_FLOW })} disabled={mutations.create.isPending}>
          New flow
        </button>
        <button type="button" className="button" onClick={() => setShowTemplates(!showTemplates)} aria-expanded={showTemplates}>
          Start from a template
        </button>
        <ImportFlowButton onImport={(document) => mutations.create.mutate({ document, source: 'import' })} />
      </AppHeader>
      <main className="page">
        <h1 className="page-title">Flows</h1>
        {failed ? <ErrorMessage error={failed.error} title="That did not work" /> : null}
        {showTemplates ? <TemplateGallery onPick={(document) => mutations.create.mutate({ document, source: 'template' })} onClose={() => setShowTemplates(false)} /> : null}
        {flows.isLoading ? <LoadingState label="Loading flows…" /> : null}
        {flows.error ? <ErrorMessage error={flows.error} title="Could not load flows" /> : null}
        {flows.data && flows.data.length === 0 ? (
          <EmptyState
            title="No flows yet"
            action={
              <button type="button" className="button primary" onClick={() => mutations.create.mutate({ document: EMPTY_FLOW })}>
                Create your first flow
              </button>
            }
          >
            A flow starts when an app calls its webhook URL, then shapes, filters and sends the data on.
          </EmptyState>
        ) : null}
        {flows.data && flows.data.length > 0 ? (
          <table className="table flows-table" data-testid="flows-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Last run</th>
                <th scope="col" title="Failed runs of the last 24 hours that no replay has got through yet">
                  Failures (24 h)
                </th>
                <th scope="col">Nodes</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {flows.data.map((flow) => (
                <FlowRow
                  key={flow.id}
                  flow={flow}
                  onRename={(name) => mutations.rename.mutate({ id: flow.id, name })}
                  onDuplicate={() => mutations.duplicate.mutate(flow.id)}
                  onDelete={() => mutations.remove.mutate(flow.id)}
                />
              ))}
            </tbody>
          </table>
        ) : null}
        {mutations.create.isPending ? <LoadingState label="Creating the flow…" /> : null}
        {mutations.create.error ? <p className="visually-hidden">{errorText(mutations.create.error)}</p> : null}
      </main>
    </div>
  );
}
