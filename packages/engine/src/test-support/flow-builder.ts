// A small fluent builder for flow documents in tests: nodes and edges read like the graph.
import type { FlowDocumentInput } from '@hookflow/flow-model';

type NodeInput = FlowDocumentInput['nodes'][number];
type EdgeInput = NonNullable<FlowDocumentInput['edges']>[number];

export class FlowBuilder {
  private readonly nodes: NodeInput[] = [];
  private readonly edges: EdgeInput[] = [];

  constructor(private readonly name = 'test flow') {}

  node(id: string, type: string, params: Record<string, unknown> = {}, extra: Partial<NodeInput> = {}): this {
    this.nodes.push({ id, type, params, position: { x: this.nodes.length * 200, y: 0 }, ...extra });
    return this;
  }

  /** Connects source → target; `handle` is the source's output handle (null: its first output). */
  edge(source: string, target: string, handle: string | null = null): this {
    this.edges.push({ id: `${source}-${handle ?? 'default'}-${target}`, source, target, sourceHandle: handle });
    return this;
  }

  /** Chains the nodes in order: a → b → c. */
  chain(...ids: string[]): this {
    for (let i = 1; i < ids.length; i++) this.edge(ids[i - 1], ids[i]);
    return this;
  }

  build(): FlowDocumentInput {
    return { name: this.name, nodes: [...this.nodes], edges: [...this.edges] };
  }
}

export function flow(name?: string): FlowBuilder {
  return new FlowBuilder(name);
}
