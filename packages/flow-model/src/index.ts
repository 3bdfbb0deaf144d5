export * from './flow-document';
export * from './node-outputs';
export * from './validation-error';
export * from './node-catalog';
export * from './api-types';

export { compileTemplate, renderTemplate, cachedTemplate, isTemplate, resolvePath } from './template';
export type { CompiledTemplate, RenderContext, RenderOptions } from './template';
export { TemplateError } from './template-error';
export type { TemplateErrorDetails } from './template-error';
export { compileDeep, renderDeep, MAX_TEMPLATE_DEPTH } from './template-deep';
export type { DeepRenderer } from './template-deep';
export { templateHelpers } from './template-helpers';
export type { TemplateHelperDoc } from './template-helpers';
export { templateVariables, pathSegment } from './template-variables';
export type { TemplateVariablesOptions } from './template-variables';

export { findCycle, wouldCreateCycle, topologicalOrder, outgoingEdges, incomingEdges, edgeHandle, GraphCycleError } from './graph';
export type { GraphNode, GraphEdge, HandleSelector } from './graph';
export { parseFlowDocument, validateFlow } from './validate-flow';
export type { ValidateFlowOptions } from './validate-flow';
export { nodeReferencesOf, brokenReferences, describeBrokenReference } from './template-references';
export { paramLabel, paramSentence } from './param-labels';
export type { NodeReference, BrokenReference } from './template-references';
export { flowDocumentJsonSchema, paramsJsonSchema, FLOW_DOCUMENT_SCHEMA_ID } from './json-schema';
export * from './api-shapes';
