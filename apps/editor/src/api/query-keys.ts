// Query keys in one place so a mutation invalidates exactly what it changed.
export const queryKeys = {
  nodeTypes: ['node-types'] as const,
  templates: ['templates'] as const,
  flows: ['flows'] as const,
  flow: (id: string) => ['flows', id] as const,
  events: (flowId: string) => ['events', flowId] as const,
  executions: (flowId: string, status: string) => ['executions', flowId, status] as const,
  execution: (id: string) => ['execution', id] as const,
  executionStats: (flowId: string) => ['execution-stats', flowId] as const,
  flowVersion: (id: string) => ['flow-version', id] as const,
  flowVersions: (flowId: string) => ['flow-versions', flowId] as const,
};
