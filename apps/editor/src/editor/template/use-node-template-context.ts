// The context a node's templates render against in the editor: the sample as `trigger`, the last
// test-run outputs of the nodes upstream of it as `nodes`, and the flow.
import type { RenderContext } from '@hookflow/flow-model';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CapturedRequest } from '../../api/api-types';
import { useEditorStore } from '../store/editor-store-context';
import type { EditorEdge } from '../store/flow-mapping';

export function useNodeTemplateContext(nodeId: string): { context: RenderContext; hasSample: boolean } {
  const { sample, run, edges, flowId, name } = useEditorStore(
    useShallow((state) => ({ sample: state.sample, run: state.run, edges: state.edges, flowId: state.flowId, name: state.name })),
  );
  return useMemo(() => {
    const nodes: Record<string, unknown> = {};
    // Upstream nodes are offered even before a run, so `nodes.<id>` can be typed from the start.
    for (const id of upstreamOf(nodeId, edges)) {
      const step = run?.byNode[id]?.step;
      nodes[id] = step && step.status === 'success' ? step.output : {};
    }
    return { context: { trigger: triggerOf(sample), nodes, flow: { id: flowId, name } }, hasSample: sample !== null };
  }, [sample, run, edges, flowId, name, nodeId]);
}

export function triggerOf(sample: CapturedRequest | null): Record<string, unknown> {
  if (!sample) return {};
  return { body: sample.body, query: sample.query, headers: lowerCaseKeys(sample.headers), method: sample.method, receivedAt: sample.receivedAt, eventId: sample.id };
}

/** Every node with a path to `nodeId`. */
export function upstreamOf(nodeId: string, edges: readonly EditorEdge[]): Set<string> {
  const seen = new Set<string>();
  const pending = [nodeId];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    for (const edge of edges) {
      if (edge.target === current && !seen.has(edge.source)) {
        seen.add(edge.source);
        pending.push(edge.source);
      }
    }
  }
  return seen;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
