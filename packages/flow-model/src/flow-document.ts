// The public flow document: one JSON format for the API, the store, the editor, examples,
// export and import. Field names follow React Flow so the editor maps it 1:1.
import { z } from 'zod';

export const NODE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_FLOW_NODES = 1000;
/** What a node's failure does; see FlowNodeSchema.onError. */
export const ON_ERROR_MODES = ['stop', 'continue', 'route'] as const;
export type OnErrorMode = (typeof ON_ERROR_MODES)[number];
/** The output a node with onError "route" sends its failures through. */
export const ERROR_HANDLE = 'error';
export const MAX_FLOW_EDGES = 5000;
/** A flow's key: a stable slug that names it across servers (flows as code), unlike its id. */
export const FLOW_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const PositionSchema = z
  .object({
    x: z.number().meta({ description: 'Horizontal position on the canvas.' }),
    y: z.number().meta({ description: 'Vertical position on the canvas.' }),
  })
  .meta({ title: 'Position' });

export const FlowNodeSchema = z
  .object({
    id: z
      .string()
      .regex(NODE_ID_PATTERN, 'use 1-64 letters, digits, "_" or "-"')
      .meta({ description: 'Unique within the flow; templates refer to a node output as nodes.<id>.' }),
    type: z.string().min(1).meta({ description: 'Node type, e.g. "webhook", "transform", "filter", "http", "slack".' }),
    typeVersion: z.number().int().min(1).default(1).meta({ description: 'Pinned version of the node type (default 1).' }),
    name: z.string().max(200).optional().meta({ description: 'Label shown on the canvas.' }),
    position: PositionSchema.default({ x: 0, y: 0 }),
    params: z.record(z.string(), z.unknown()).default({}).meta({ description: 'Parameters of the node type; strings may be Handlebars templates.' }),
    disabled: z.boolean().optional().meta({ description: 'A disabled node passes nothing on.' }),
    onError: z
      .enum(ON_ERROR_MODES)
      .optional()
      .meta({
        description:
          'What a failure of this node does. "stop" (default): the execution fails there. "continue": the step is recorded as failed, its output is { error }, and the run goes on through its usual output. "route": the run goes on through its "error" output instead.',
      }),
  })
  .meta({ title: 'Node' });

export const FlowEdgeSchema = z
  .object({
    id: z.string().min(1).max(128),
    source: z.string().min(1).meta({ description: 'Id of the node the edge leaves.' }),
    target: z.string().min(1).meta({ description: 'Id of the node the edge enters.' }),
    sourceHandle: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'Output handle of the source node; null means its default output (filter: "true" or "false").' }),
    targetHandle: z.string().nullable().optional(),
  })
  .meta({ title: 'Edge' });

export const FlowDocumentSchema = z
  .object({
    key: z
      .string()
      .regex(FLOW_KEY_PATTERN, 'use 1-63 lower-case letters, digits or "-", starting with a letter or digit')
      .nullable()
      .optional()
      .meta({
        description:
          'Stable slug naming the flow across servers (hookflow flows export/apply); unique on a server. Left out on save, the stored key is kept; null removes it.',
      }),
    name: z.string().trim().min(1, 'a flow needs a name').max(200),
    description: z.string().max(2000).optional(),
    nodes: z.array(FlowNodeSchema).max(MAX_FLOW_NODES),
    edges: z.array(FlowEdgeSchema).max(MAX_FLOW_EDGES).default([]),
    settings: z
      .object({
        onErrorFlowId: z
          .string()
          .min(1)
          .max(36)
          .optional()
          .meta({ description: 'A flow that runs with { flow, execution, error } as its trigger body whenever an execution of this flow fails.' }),
      })
      .optional()
      .meta({ title: 'Flow settings' }),
  })
  .meta({ title: 'Hookflow flow', description: 'A webhook-driven flow: one trigger node and the graph of nodes it feeds.' });

export type FlowNode = z.output<typeof FlowNodeSchema>;
export type FlowEdge = z.output<typeof FlowEdgeSchema>;
export type FlowDocument = z.output<typeof FlowDocumentSchema>;
export type FlowDocumentInput = z.input<typeof FlowDocumentSchema>;
