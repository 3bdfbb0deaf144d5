import { useRef, useState } from 'react';
import type { FlowDocument } from '../api/api-types';
import { errorText } from '../api/http';

export function ImportFlowButton({ onImport }: { onImport(document: FlowDocument): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      // flow-model (zod, Handlebars) loads only when someone imports a file.
      const { readFlowFile } = await import('./read-flow-file');
      onImport(await readFlowFile(file));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        Import JSON
      </button>
      <input ref={input} type="file" accept="application/json,.json" className="visually-hidden" tabIndex={-1} aria-label="Import a flow file" onChange={(event) => void importFile(event.target.files?.[0])} />
      {problem ? (
        <span className="error-inline" role="alert">
          {problem}
        </span>
      ) : null}
    </>
  );
}
