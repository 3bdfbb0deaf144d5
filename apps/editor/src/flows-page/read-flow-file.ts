// Import of flow JSON files, checked with flow-model before anything is sent. When a file is
// refused, the message says what is wrong with it: where its JSON breaks, or which part of a flow
// it lacks, so the person holding the file can fix it.
import { parseFlowDocument, type FlowDocument } from '@hookflow/flow-model';
import { jsonSyntaxError } from './json-syntax-error';

/** Reads a file as a flow document; throws an Error naming each problem. */
export async function readFlowFile(file: File): Promise<FlowDocument> {
  const text = await file.text();
  if (text.trim() === '') throw new Error(`${file.name} is empty: a flow file holds one JSON object with "name", "nodes" and "edges".`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file.name} is not valid JSON: ${syntaxProblem(text, error)}.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`${file.name} is valid JSON but not a flow: it holds ${kindOf(json)}, where a flow is one object with "name", "nodes" and "edges".`);
  }
  const missing = ['name', 'nodes'].filter((field) => !(field in json));
  if (missing.length > 0) {
    const fields = missing.map((field) => `"${field}"`).join(' and ');
    throw new Error(`${file.name} is valid JSON but not a flow: it has no ${fields} field${missing.length > 1 ? 's' : ''} (a flow has "name", "nodes" and "edges").`);
  }
  const parsed = parseFlowDocument(json);
  if (!parsed.ok) throw new Error(`${file.name} is not a valid Hookflow flow: ${parsed.errors.map((issue) => issue.message).join('; ')}`);
  return parsed.value;
}

/** Where the text breaks and why; JSON.parse's own wording differs by browser and may lack a position. */
function syntaxProblem(text: string, error: unknown): string {
  const found = jsonSyntaxError(text);
  if (found) return `${found.problem} at line ${found.line}, column ${found.column}`;
  return error instanceof Error ? error.message : String(error);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a text';
  return `a ${typeof value}`;
}
