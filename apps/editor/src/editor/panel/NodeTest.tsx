// "Test this node": runs only the selected node, on the current sample and the outputs earlier nodes
// had in the run shown in the editor (the last test run or an execution), and shows its step here.
// Nothing else runs and nothing is saved; a node that acts on the outside world really does.
import type { StepRecord } from '@hookflow/flow-model';
import { useMutation } from '@tanstack/react-query';
import { useShallow } from 'zustand/react/shallow';
import type { NodeTypeEntry } from '../../catalog/node-type-catalog';
import { ErrorMessage } from '../../shared/ErrorMessage';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { toDocument } from '../store/flow-mapping';
import type { EditorState } from '../store/editor-store';
import type { NodeRunView } from '../store/run-view';
import { upstreamOf } from '../template/use-node-template-context';
import { testNode } from './node-test-api';
import { NodeRunResult } from './NodeRunResult';

export function NodeTest({ nodeId, entry }: { nodeId: string; entry: NodeTypeEntry }) {
  const store = useEditorStoreApi();
  const { hasSample, withoutOutput, url } = useEditorStore(
    useShallow((state) => ({ hasSample: state.sample !== null, withoutOutput: earlierOutputs(state, nodeId).missing.join(', '), url: urlOf(state, nodeId) })),
  );
  const test = useMutation({
    mutationFn: () => {
      const state = store.getState();
      const { sample } = state;
      return testNode({
        flowId: state.flowId,
        nodeId,
        request: {
          flow: toDocument(state),
          payload: sample?.body ?? {},
          headers: sample?.headers ?? {},
          query: sample?.query ?? {},
          ...(sample?.method ? { method: sample.method } : {}),
          nodes: earlierOutputs(state, nodeId).outputs,
        },
      });
    },
  });
  // Actions (http, slack) reach the outside world; one that answers the caller (respond) has nobody to answer here.
  const callsOut = entry.info.category === 'Actions' && entry.info.answers !== true;

  return (
    <section className="node-test" aria-label="Test this node" data-testid="node-test">
      <h3 className="section-title">Test this node</h3>
      <p className="field-help">
        Runs only this node, on {hasSample ? 'the current sample' : 'an empty body (no sample yet)'} and what earlier nodes output in the run shown. Nothing else runs and nothing is saved.
        {withoutOutput ? ` No output yet from: ${withoutOutput}; templates reading them get nothing (run the flow or those nodes first).` : ''}
      </p>
      {callsOut ? (
        <p className="warning-message" role="note" data-testid="node-test-calls-out">
          This really sends: the {entry.info.label} node calls {url ? <code>{url}</code> : 'its endpoint'} now, with the credentials it names.
        </p>
      ) : null}
      <button type="button" className="button" onClick={() => test.mutate()} disabled={test.isPending} data-testid="node-test-run">
        {test.isPending ? 'Running…' : callsOut ? `Test this node (calls ${entry.info.label})` : 'Test this node'}
      </button>
      {test.error ? <ErrorMessage error={test.error} title="Could not test the node" /> : null}
      {test.data ? <NodeRunResult view={viewOf(test.data.step)} /> : null}
    </section>
  );
}

/** Outputs of the nodes upstream of this one in the run shown, and those that have none there. */
function earlierOutputs(state: EditorState, nodeId: string): { outputs: Record<string, unknown>; missing: string[] } {
  const outputs: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const id of upstreamOf(nodeId, state.edges)) {
    const step = state.run?.byNode[id]?.step;
    if (step && step.output !== undefined && step.status !== 'skipped') outputs[id] = step.output;
    else if (!isTrigger(state, id)) missing.push(id);
  }
  return { outputs, missing: missing.sort() };
}

/** The trigger's output is the sample itself, which the server builds; it is never missing. */
function isTrigger(state: EditorState, id: string): boolean {
  const node = state.nodes.find((candidate) => candidate.id === id);
  return node !== undefined && state.catalog?.entry(node.data.type, node.data.typeVersion)?.info.trigger === true;
}

function urlOf(state: EditorState, nodeId: string): string | undefined {
  const url = state.nodes.find((node) => node.id === nodeId)?.data.params.url;
  return typeof url === 'string' && url.trim() !== '' ? url : undefined;
}

function viewOf(step: StepRecord): NodeRunView {
  return { status: step.status === 'error' ? 'error' : step.status === 'skipped' ? 'skipped' : 'success', step };
}
