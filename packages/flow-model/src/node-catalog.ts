// What flow validation needs to know about node types. The engine's registry implements it on the
// server; the editor can build one from GET /api/node-types. Kept free of zod types on purpose.
import type { NamedOutputs } from './node-outputs';
import type { ValidationIssue } from './validation-error';

export interface NodeTypeDescriptor {
  type: string;
  version: number;
  /** True for trigger node types (webhook). A flow has exactly one trigger. */
  trigger: boolean;
  /** Fixed output handle names; see nodeOutputs for a node's full list (the first is the default). */
  outputs: string[];
  /** Outputs named by a list param (a switch's rules), before the fixed ones. */
  namedOutputs?: NamedOutputs;
  /** Joins branches (merge): needs two or more edges leading into it. */
  joins?: boolean;
  /** Answers the caller (respond): the trigger must wait for it (webhook "respond": "respondNode"). */
  answers?: boolean;
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
