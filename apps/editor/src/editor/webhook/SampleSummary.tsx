// The current sample: what templates preview against and test runs send. It can be pasted by hand.
import { useState } from 'react';
import { formatTime } from '../../shared/format';
import { JsonTree } from '../../shared/JsonTree';
import { useEditorStore } from '../store/editor-store-context';

export function SampleSummary() {
  const sample = useEditorStore((state) => state.sample);
  const setSample = useEditorStore((state) => state.setSample);
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const applyPasted = () => {
    try {
      const body: unknown = JSON.parse(text);
      setSample({ id: `pasted-${Date.now()}`, method: sample?.method ?? 'POST', headers: { 'content-type': 'application/json' }, query: {}, body, contentType: 'application/json', receivedAt: new Date().toISOString() });
      setPasting(false);
      setProblem(null);
    } catch (error) {
      setProblem(`That is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <section className="sample" aria-labelledby="sample-title" data-testid="sample">
      <div className="section-header">
        <h3 id="sample-title" className="section-title">
          Sample event
        </h3>
        <button type="button" className="button small ghost" onClick={() => { setPasting(!pasting); setText(sample ? JSON.stringify(sample.body, null, 2) : ''); }} aria-expanded={pasting}>
          {pasting ? 'Cancel' : 'Paste a sample'}
        </button>
      </div>
      {pasting ? (
        <div className="field">
          <label className="field-label" htmlFor="sample-body">
            Sample body (JSON)
          </label>
          <textarea id="sample-body" className="input code" rows={8} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
          {problem ? (
            <p className="field-problem" role="alert">
              {problem}
            </p>
          ) : null}
          <button type="button" className="button small primary" onClick={applyPasted}>
            Use as sample
          </button>
        </div>
      ) : null}
      {sample && !pasting ? (
        <>
          <p className="muted small-text" data-testid="sample-meta">
            {sample.method} · {formatTime(sample.receivedAt)} · {Object.keys(sample.headers).length} headers
          </p>
          <JsonTree value={sample.body} label="Sample body" testId="sample-body-tree" />
          <details className="sample-details">
            <summary>Headers and query</summary>
            <JsonTree value={{ headers: sample.headers, query: sample.query }} label="Sample headers and query" />
          </details>
        </>
      ) : null}
      {!sample && !pasting ? <p className="muted small-text">No sample yet. Listen for a test event, use a past request, or paste one.</p> : null}
    </section>
  );
}
