// Import of flow JSON files, checked with flow-model before anything is sent.
import { parseFlowDocument, type FlowDocument } from '@hookflow/flow-model';

/** Reads a file as a flow document; throws an Error naming each problem. */
export async function readFlowFile(file: File): Promise<FlowDocument> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not a JSON file.`);
  }
  const parsed = parseFlowDocument(json);
  if (!parsed.ok) throw new Error(`${file.name} is not a Hookflow flow: ${parsed.errors.map((issue) => `${issue.path || 'document'}: ${issue.message}`).join('; ')}`);
  return parsed.value;
}
