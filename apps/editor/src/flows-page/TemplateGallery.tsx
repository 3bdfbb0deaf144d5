import { placeholdersIn } from '@hookflow/flow-model';
import type { FlowDocument } from '../api/api-types';
import { useTemplates } from '../api/queries';
import { ErrorMessage } from '../shared/ErrorMessage';
import { LoadingState } from '../shared/LoadingState';

export function TemplateGallery({ onPick, onClose }: { onPick(document: FlowDocument): void; onClose(): void }) {
  const templates = useTemplates(true);
  return (
    <section className="card template-gallery" aria-labelledby="templates-title">
      <div className="card-header">
        <h2 id="templates-title">Start from a template</h2>
        <button type="button" className="button small ghost" onClick={onClose} aria-label="Close templates">
          Close
        </button>
      </div>
      {templates.isLoading ? <LoadingState label="Loading templates…" /> : null}
      {templates.error ? <ErrorMessage error={templates.error} title="Could not load templates" /> : null}
      {templates.data?.length === 0 ? <p className="muted">No templates are installed.</p> : null}
      <div className="template-grid">
        {templates.data?.map((template) => (
          <button key={template.id} type="button" className="template-card" data-testid={`template-${template.id}`} onClick={() => onPick(template.document)}>
            <strong>{template.name}</strong>
            <span>{template.description}</span>
            <span className="muted small-text">
              {template.document.nodes.length} nodes: {nodeTypesOf(template.document).join(', ')}
            </span>
            <ToFillIn document={template.document} />
          </button>
        ))}
      </div>
    </section>
  );
}

/** The `<<placeholders>>` a flow made from this template will ask for before it can be activated. */
function ToFillIn({ document }: { document: FlowDocument }) {
  const wanted = placeholdersIn(document.nodes.map((node) => node.params));
  if (wanted.length === 0) return null;
  return (
    <span className="template-fill small-text" data-testid="template-fill">
      You fill in: {wanted.join('; ')}
    </span>
  );
}

function nodeTypesOf(document: FlowDocument): string[] {
  return [...new Set(document.nodes.map((node) => node.type))];
}
