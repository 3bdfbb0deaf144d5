// The flow's name in the toolbar. The server refuses names over 200 characters, so the input stops
// there too, and says so: a counter near the limit, and a message when a paste did not fit.
import { useState, type ClipboardEvent } from 'react';

export const MAX_FLOW_NAME = 200;
/** The counter appears from here on: far from the limit it is only noise. */
const COUNTER_FROM = 150;

export function FlowNameInput({ name, onRename, disabled = false }: { name: string; onRename(name: string): void; disabled?: boolean }) {
  const [cutFrom, setCutFrom] = useState<number | null>(null);
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const selected = (input.selectionEnd ?? input.value.length) - (input.selectionStart ?? input.value.length);
    const wanted = input.value.length - selected + event.clipboardData.getData('text').length;
    setCutFrom(wanted > MAX_FLOW_NAME ? wanted : null);
  };
  const near = name.length >= COUNTER_FROM;
  return (
    <span className="flow-name-box">
      <input
        className="input flow-name"
        aria-label="Flow name"
        aria-describedby="flow-name-limit"
        value={name}
        maxLength={MAX_FLOW_NAME}
        disabled={disabled}
        onPaste={onPaste}
        onChange={(event) => {
          if (event.target.value.length < MAX_FLOW_NAME) setCutFrom(null);
          onRename(event.target.value);
        }}
        data-testid="flow-name"
      />
      <span id="flow-name-limit" className={`flow-name-limit${near ? '' : ' visually-hidden'}`} aria-live="polite" data-testid="flow-name-limit">
        {cutFrom !== null
          ? `Names have at most ${MAX_FLOW_NAME} characters: the pasted name (${cutFrom}) was cut to ${MAX_FLOW_NAME}.`
          : near
            ? `${name.length}/${MAX_FLOW_NAME}`
            : `At most ${MAX_FLOW_NAME} characters.`}
      </span>
    </span>
  );
}
