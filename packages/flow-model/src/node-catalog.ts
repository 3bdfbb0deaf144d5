// What flow validation needs to know about node types. The engine's registry implements it on the
// server; the editor can build one from GET /api/node-types. Kept free of zod types on purpose.
import type { ValidationIssue } from './validation-error';

export interface NodeTypeDescriptor {
  type: string;
  version: number;
  /** True for trigger node types (webhook). A flow has exactly one trigger. */
  trigger: boolean;
  /** Output handle names; the first is the default used when an edge's sourceHandle is null. */
  outputs: string[];
  /**
   * Checks raw (unrendered) params. A string holding a template may stand where a number or an
   * object is expected, since its type is only known after rendering. Paths are relative to params.
   */
  checkParams(params: Record<string, unknown>): ValidationIssue[];
  /** The params' JSON Schema, when known: its titles name params in messages ("Fields is required"). */
  paramsSchema?: unknown;
  /** Top-level params that are never templates (a code node's code): `{{` in them is plain text. */
  rawParams?: readonly string[];
}

export interface NodeCatalog {
  find(type: string, version: number): NodeTypeDescriptor | undefined;
  /** Versions registered for a type, empty when the type is unknown. */
  versions(type: string): number[];
}
