// The message both Slack transports send, and turning the rendered `blocks` param into an array.
import { NodeConfigError } from '@hookflow/engine';

export interface SlackMessage {
  text: string;
  blocks?: unknown[];
  threadTs?: string;
}

/** `blocks` may arrive as an array, or as JSON text produced by a template. */
export function parseBlocks(blocks: unknown[] | string | undefined): unknown[] | undefined {
  if (blocks === undefined) return undefined;
  if (Array.isArray(blocks)) return blocks.length > 0 ? blocks : undefined;
  if (blocks.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(blocks);
  } catch {
    throw new NodeConfigError('Blocks must be a JSON array of Slack blocks, e.g. [{"type":"section",...}]', { param: 'blocks' });
  }
  if (!Array.isArray(parsed)) {
    throw new NodeConfigError('Blocks must be a JSON array of Slack blocks, not a single value', { param: 'blocks' });
  }
  return parsed.length > 0 ? parsed : undefined;
}
