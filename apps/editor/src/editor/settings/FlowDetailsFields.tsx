// The flow's own fields in the settings panel: name, description and the flow started when a run
// fails. Every change goes through the store, so it marks the flow unsaved and can be undone.
import { useShallow } from 'zustand/react/shallow';
import { useFlows } from '../../api/queries';
import type { FlowSummary } from '../../api/api-types';
import { useEditorStore } from '../store/editor-store-context';
import type { FlowContent } from '../store/flow-mapping';
import { MAX_FLOW_NAME } from '../toolbar/FlowNameInput';

/** The flow document's limit on `description`. */
export const MAX_FLOW_DESCRIPTION = 2000;

export function FlowDetailsFields() {
  const { name, description, settings, rename, updateFlow } = useEditorStore(
    useShallow((state) => ({ name: state.name, description: state.description, settings: state.settings, rename: state.rename, updateFlow: state.updateFlow })),
  );
  const length = description?.length ?? 0;
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor="flow-settings-name">
          Name
        </label>
        <input id="flow-settings-name" className="input" value={name} maxLength={MAX_FLOW_NAME} onChange={(event) => rename(event.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="flow-settings-description">
          Description
        </label>
        <textarea
          id="flow-settings-description"
          className="input"
          rows={3}
          value={description ?? ''}
          maxLength={MAX_FLOW_DESCRIPTION}
          placeholder="What this flow does, for whoever opens it next"
          aria-describedby="flow-settings-description-count"
          onChange={(event) => updateFlow({ description: event.target.value === '' ? undefined : event.target.value })}
        />
        <p className="field-help" id="flow-settings-description-count">
          {length} of {MAX_FLOW_DESCRIPTION} characters
        </p>
      </div>
      <OnErrorFlowField chosen={settings?.onErrorFlowId} onChoose={(flowId) => updateFlow({ settings: withOnErrorFlow(settings, flowId) })} />
    </>
  );
}

function OnErrorFlowField({ chosen, onChoose }: { chosen: string | undefined; onChoose(flowId: string | undefined): void }) {
  const flowId = useEditorStore((state) => state.flowId);
  const flows = useFlows();
  const others = (flows.data ?? []).filter((flow) => flow.id !== flowId).sort((a, b) => a.name.localeCompare(b.name));
  const missing = chosen !== undefined && !others.some((flow) => flow.id === chosen);
  return (
    <div className="field">
      <label className="field-label" htmlFor="flow-settings-on-error">
        When a run fails, start
      </label>
      <select id="flow-settings-on-error" className="input" value={chosen ?? ''} onChange={(event) => onChoose(event.target.value || undefined)}>
        <option value="">None</option>
        {missing ? <option value={chosen}>{missingLabel(chosen, flows.data)}</option> : null}
        {others.map((flow) => (
          <option key={flow.id} value={flow.id}>
            {flow.name}
          </option>
        ))}
      </select>
      <p className="field-help">
        {chosen === undefined
          ? 'Pick a flow to be told about failures, e.g. one that posts an alert to Slack.'
          : 'That flow starts with the name of this flow, the failed run and its error. It needs a Webhook trigger.'}
      </p>
      {flows.error ? <p className="field-problem">Could not load the list of flows.</p> : null}
    </div>
  );
}

function missingLabel(flowId: string, loaded: FlowSummary[] | undefined): string {
  return loaded ? `A flow that no longer exists (${flowId})` : `Flow ${flowId}`;
}

/** Settings with the on-error flow set or removed; no settings at all once nothing is left. */
function withOnErrorFlow(settings: FlowContent['settings'], flowId: string | undefined): FlowContent['settings'] {
  const { onErrorFlowId: _previous, ...rest } = settings ?? {};
  const next = flowId ? { ...rest, onErrorFlowId: flowId } : rest;
  return Object.keys(next).length > 0 ? next : undefined;
}
