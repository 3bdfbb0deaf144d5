// The name → value rows of a "generic" credential; values are secrets, typed and never shown back.
export interface GenericRow {
  key: string;
  value: string;
}

export function GenericValues({ rows, onChange, keepsData }: { rows: GenericRow[]; onChange(rows: GenericRow[]): void; keepsData: boolean }) {
  const update = (index: number, patch: Partial<GenericRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="field field-group">
      <legend className="field-label">Values</legend>
      {keepsData ? <p className="field-help">Saved values stay as they are unless you enter new ones; new ones replace all of them.</p> : null}
      {rows.map((row, index) => (
        <div className="generic-value-row" key={index}>
          <input className="input" aria-label={`Name ${index + 1}`} value={row.key} placeholder="secret" onChange={(event) => update(index, { key: event.target.value })} />
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            aria-label={`Value ${index + 1}`}
            value={row.value}
            onChange={(event) => update(index, { value: event.target.value })}
          />
          <button type="button" className="button ghost small" aria-label={`Remove value ${index + 1}`} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        Add a value
      </button>
    </fieldset>
  );
}
