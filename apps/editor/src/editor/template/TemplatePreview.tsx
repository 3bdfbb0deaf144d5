import { cachedTemplate, isTemplate, renderTemplate, TemplateError } from '@hookflow/flow-model';
import { useDeferredValue, useMemo } from 'react';
import { useTemplateScope } from './template-scope';

type Rendered = { ok: true; text: string } | { ok: false; message: string };

/**
 * The value a template renders to against the sample, or the template's error. In a node's form the
 * field already shows a template that does not compile (validation): then only render errors show here.
 */
export function TemplatePreview({ source, showCompileErrors = true }: { source: string; showCompileErrors?: boolean }) {
  const { context, hasSample } = useTemplateScope();
  const deferred = useDeferredValue(source);
  const rendered = useMemo(() => (isTemplate(deferred) && (showCompileErrors || compiles(deferred)) ? render(deferred, context) : null), [deferred, context, showCompileErrors]);
  if (!rendered) return null;
  if (!rendered.ok) {
    return (
      <div className="template-preview error" role="status" data-testid="template-error">
        Template error: {rendered.message}
      </div>
    );
  }
  return (
    <div className="template-preview" data-testid="template-preview">
      <span className="template-preview-label">{hasSample ? 'Preview' : 'Preview (no sample yet)'}</span>
      <code>{rendered.text}</code>
    </div>
  );
}

function render(source: string, context: Parameters<typeof renderTemplate>[1]): Rendered {
  try {
    const value = renderTemplate(source, context);
    if (value === undefined) return { ok: true, text: '(no value)' };
    return { ok: true, text: typeof value === 'string' ? value : JSON.stringify(value) };
  } catch (error) {
    return { ok: false, message: error instanceof TemplateError ? error.message : String(error) };
  }
}

function compiles(source: string): boolean {
  try {
    cachedTemplate(source);
    return true;
  } catch {
    return false;
  }
}
