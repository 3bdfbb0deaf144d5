// What templates in the open form can refer to: the context they render against (the latest
// sample and the last outputs of upstream nodes) and the variable paths offered by autocomplete.
import { templateVariables, type RenderContext } from '@hookflow/flow-model';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

export interface TemplateScope {
  context: RenderContext;
  variables: string[];
  /** False when there is no sample yet: previews would render against nothing. */
  hasSample: boolean;
}

const EMPTY_SCOPE: TemplateScope = { context: { trigger: {}, nodes: {}, flow: { id: '', name: '' } }, variables: [], hasSample: false };

const TemplateScopeContext = createContext<TemplateScope>(EMPTY_SCOPE);

export function TemplateScopeProvider({ context, hasSample, children }: { context: RenderContext; hasSample: boolean; children: ReactNode }) {
  const scope = useMemo(() => ({ context, hasSample, variables: templateVariables(context, { maxDepth: 7 }) }), [context, hasSample]);
  return <TemplateScopeContext.Provider value={scope}>{children}</TemplateScopeContext.Provider>;
}

export function useTemplateScope(): TemplateScope {
  return useContext(TemplateScopeContext);
}
