// How the webhook answers its caller, in plain words: the trigger node's `respond` and
// `responseTimeoutMs` params. Values absent from the document show the defaults the node type's
// schema declares, which are the ones the server applies, so what is shown is what happens.
import { useState } from 'react';
import type { JsonSchema } from '../../catalog/json-schema';
import { useEditorStore } from '../store/editor-store-context';
import type { EditorNode } from '../store/flow-mapping';

const MODE_WORDS: Record<string, { label: string; help: string }> = {
  accepted: {
    label: 'Right away: “received” (202)',
    help: 'The caller is told at once that the request arrived; the flow runs afterwards. Right for most webhooks.',
  },
  lastNode: {
    label: 'When the flow ends, with the result of its last step',
    help: 'The caller waits while the flow runs and gets what the last step produced.',
  },
  respondNode: {
    label: 'With what a Respond step sends',
    help: 'Add a Respond step where the answer is ready: it sets the status, headers and body. The flow goes on after it.',
  },
};

export function ResponseModeFields() {
  const trigger = useEditorStore((state) => webhookTrigger(state.nodes));
  const schema = useEditorStore((state) => (trigger ? state.catalog?.entry(trigger.data.type, trigger.data.typeVersion)?.schema : undefined));
  const updateNode = useEditorStore((state) => state.updateNode);
  const respondSchema = schema?.properties?.respond;
  const timeoutSchema = schema?.properties?.responseTimeoutMs;
  if (!trigger) return <p className="field-help">How callers are answered can be chosen once the flow starts with a Webhook trigger.</p>;
  // A server whose webhook cannot wait for the flow: it always answers at once, nothing to choose.
  if (!respondSchema) return null;
  const modes = (respondSchema.enum ?? []).filter((mode): mode is string => typeof mode === 'string');
  const mode = stringOr(trigger.data.params.respond, stringOr(respondSchema.default, 'accepted'));
  const setParam = (key: string, value: unknown) => updateNode({ id: trigger.id, patch: { params: { ...trigger.data.params, [key]: value } }, field: key });
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor="flow-settings-respond">
          Answer the caller
        </label>
        <select id="flow-settings-respond" className="input" value={mode} onChange={(event) => setParam('respond', event.target.value)}>
          {modes.map((choice) => (
            <option key={choice} value={choice}>
              {MODE_WORDS[choice]?.label ?? choice}
            </option>
          ))}
        </select>
        <p className="field-help">{MODE_WORDS[mode]?.help ?? respondSchema.description}</p>
      </div>
      {mode !== 'accepted' && timeoutSchema ? (
        <TimeoutField key={trigger.id} schema={timeoutSchema} valueMs={trigger.data.params.responseTimeoutMs} onChange={(ms) => setParam('responseTimeoutMs', ms)} />
      ) : null}
    </>
  );
}

/** The wait, typed in seconds (people think in seconds), stored in milliseconds. */
function TimeoutField({ schema, valueMs, onChange }: { schema: JsonSchema; valueMs: unknown; onChange(ms: number): void }) {
  const shownMs = typeof valueMs === 'number' ? valueMs : typeof schema.default === 'number' ? schema.default : 30_000;
  const minMs = schema.minimum ?? 100;
  const maxMs = schema.maximum ?? 300_000;
  const [text, setText] = useState(String(shownMs / 1000));
  const typed = Number(text);
  const inRange = text.trim() !== '' && Number.isFinite(typed) && typed * 1000 >= minMs && typed * 1000 <= maxMs;
  // Undo and other edits change the stored value under the field: show it unless the person is mid-typing.
  const visible = inRange && Math.round(typed * 1000) !== shownMs ? String(shownMs / 1000) : text;
  return (
    <div className="field">
      <label className="field-label" htmlFor="flow-settings-timeout">
        Stop waiting after (seconds)
      </label>
      <input
        id="flow-settings-timeout"
        className="input"
        type="number"
        inputMode="decimal"
        step="any"
        min={minMs / 1000}
        max={maxMs / 1000}
        value={visible}
        aria-invalid={!inRange}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const seconds = Number(next);
          if (next.trim() !== '' && Number.isFinite(seconds) && seconds * 1000 >= minMs && seconds * 1000 <= maxMs) onChange(Math.round(seconds * 1000));
        }}
      />
      {inRange ? (
        <p className="field-help">If no answer is ready by then, the caller gets “timed out” (504) with the event id; the flow still finishes and is recorded. Slack wants an answer within 3 seconds.</p>
      ) : (
        <p className="field-problem" role="alert">
          Enter between {minMs / 1000} and {maxMs / 1000} seconds.
        </p>
      )}
    </div>
  );
}

/** The flow's webhook trigger, if it starts with one. */
function webhookTrigger(nodes: readonly EditorNode[]): EditorNode | undefined {
  return nodes.find((node) => node.data.type === 'webhook');
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
