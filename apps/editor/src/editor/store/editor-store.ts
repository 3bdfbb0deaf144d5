// One store per open flow (or per execution being inspected), made by a factory and provided
// through context. Content edits go through actions that record undo history and re-validate
// with flow-model; React Flow's own changes (drag, select, measure) are applied as they come.
import { nodeOutputs, validateFlow, type NamedOutputs, type ValidationIssue } from '@hookflow/flow-model';
import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CapturedRequest, FlowDocument, StepRecord } from '../../api/api-types';
import type { EditorCatalog } from '../../catalog/node-type-catalog';
import { connectionProblem, copySelection, freshNodeId, makeEdge, makeNode, pasteClipboard, positionAfter, withoutSelection, type Clipboard } from './graph-edit';
import { edgesFromDocument, nodesFromDocument, toDocument, type EditorEdge, type EditorNode, type FlowContent, type FlowNodeData } from './flow-mapping';
import { indexIssues, NO_ISSUES, type IssueIndex } from './issue-index';
import { describeRenameProblem, renameNodeId } from './node-rename';
import { runViewByNode, type RunSummary } from './run-view';

const HISTORY_LIMIT = 100;
/** Keystrokes in one field within this window make one undo step. */
const COALESCE_MS = 1200;

export interface EditorState extends FlowContent {
  flowId: string;
  readOnly: boolean;
  catalog: EditorCatalog | null;
  past: FlowContent[];
  future: FlowContent[];
  clipboard: Clipboard | null;
  pasteCount: number;
  /** Counts content changes; the flow is dirty while it differs from savedRevision. */
  revision: number;
  savedRevision: number;
  issues: IssueIndex;
  serverIssues: IssueIndex;
  sample: CapturedRequest | null;
  run: RunSummary | null;
  lastEdit: { key: string; at: number } | null;
  /** Why the last connection attempt was refused, shown briefly on the canvas. */
  notice: string | null;
  /** Id of the saved version loaded by restoreVersion and not saved yet: the save names it. */
  restoredFrom: string | null;
}

export interface EditorActions {
  load(input: { document: FlowDocument; catalog?: EditorCatalog | null }): void;
  setCatalog(catalog: EditorCatalog): void;
  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
  beginMove(): void;
  connect(connection: Connection): void;
  addNode(input: { type: string; position?: { x: number; y: number } }): string | undefined;
  updateNode(input: { id: string; patch: Partial<Omit<FlowNodeData, 'type'>>; field?: string }): void;
  rename(name: string): void;
  /** Flow-level fields the settings panel edits (description, on-error flow). */
  updateFlow(patch: Partial<Pick<FlowContent, 'description' | 'settings'>>): void;
  /** Loads an old version as unsaved, undoable changes; saving makes it the newest version. */
  restoreVersion(input: { document: FlowDocument; versionId: string }): void;
  /** Gives a node a new id; the templates and edges that use it follow. Answers why not, or [] when done. */
  renameNode(input: { from: string; to: string }): string[];
  selectNode(id: string | null): void;
  deleteSelection(): void;
  copy(): void;
  paste(): void;
  undo(): void;
  redo(): void;
  moveNodes(positions: Record<string, { x: number; y: number }>): void;
  markSaved(revision: number): void;
  setServerIssues(issues: readonly ValidationIssue[]): void;
  setSample(sample: CapturedRequest | null): void;
  setRun(run: { status: string; steps: readonly StepRecord[]; durationMs?: number; error?: string } | null): void;
  clearNotice(): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

export function createEditorStore({ flowId, document, catalog = null, readOnly = false }: EditorStoreInit): EditorStore {
  return createStore<EditorState & EditorActions>()((set, get) => {
    /** Applies a content change: history, revision, validation. */
    const commit = (next: Partial<FlowContent>, editKey?: string) => {
      const state = get();
      if (state.readOnly) return;
      const now = Date.now();
      const coalesce = editKey !== undefined && state.lastEdit?.key === editKey && now - state.lastEdit.at < COALESCE_MS;
      const past = coalesce ? state.past : [...state.past, contentOf(state)].slice(-HISTORY_LIMIT);
      const content = { ...contentOf(state), ...next };
      set({ ...next, past, future: [], revision: state.revision + 1, lastEdit: editKey ? { key: editKey, at: now } : null, issues: validate(content, state.catalog) });
    };

    const restore = (content: FlowContent, history: Pick<EditorState, 'past' | 'future'>) => {
      const state = get();
      set({ ...content, ...history, revision: state.revision + 1, lastEdit: null, issues: validate(content, state.catalog) });
    };

    const initial = contentFromDocument(document);
    return {
      ...initial,
      flowId,
      readOnly,
      catalog,
      past: [],
      future: [],
      clipboard: null,
      pasteCount: 0,
      revision: 0,
      savedRevision: 0,
      issues: validate(initial, catalog),
      serverIssues: NO_ISSUES,
      sample: null,
      run: null,
      lastEdit: null,
      notice: null,
      restoredFrom: null,

      load: ({ document: next, catalog: nextCatalog }) => {
        const content = contentFromDocument(next);
        const usedCatalog = nextCatalog === undefined ? get().catalog : nextCatalog;
        set({ ...content, catalog: usedCatalog, past: [], future: [], revision: 0, savedRevision: 0, lastEdit: null, issues: validate(content, usedCatalog), serverIssues: NO_ISSUES, restoredFrom: null });
      },
      setCatalog: (nextCatalog) => set((state) => ({ catalog: nextCatalog, issues: validate(contentOf(state), nextCatalog) })),

      onNodesChange: (changes) => {
        const allowed = get().readOnly ? changes.filter((change) => change.type === 'select' || change.type === 'dimensions') : changes.filter((change) => change.type !== 'remove');
        const moved = allowed.some((change) => change.type === 'position' && change.position);
        set((state) => ({ nodes: applyNodeChanges(allowed, state.nodes), ...(moved ? { revision: state.revision + 1 } : {}) }));
      },
      onEdgesChange: (changes) => {
        const selections = changes.filter((change) => change.type === 'select');
        set((state) => ({ edges: applyEdgeChanges(selections, state.edges) }));
      },
      beginMove: () => {
        const state = get();
        if (!state.readOnly) set({ past: [...state.past, contentOf(state)].slice(-HISTORY_LIMIT), future: [], lastEdit: null });
      },
      connect: (connection) => {
        const { nodes, edges, catalog: currentCatalog } = get();
        const problem = connectionProblem({ connection, nodes, edges, catalog: currentCatalog });
        if (problem) {
          set({ notice: `${problem}.` });
          return;
        }
        commit({ edges: [...edges, makeEdge(connection)] });
      },
      addNode: ({ type, position }) => {
        const { nodes, edges, catalog: currentCatalog, readOnly: locked } = get();
        const entry = currentCatalog?.entry(type);
        if (!entry || locked) return undefined;
        const anchor = position ? undefined : nodes.find((node) => node.selected);
        const id = freshNodeId(type, new Set(nodes.map((node) => node.id)));
        const node = makeNode({ id, type, version: entry.info.version, position: position ?? positionAfter(anchor, nodes) });
        node.data.params = defaultParams(entry.schema.properties);
        const anchorType = anchor ? currentCatalog?.entry(anchor.data.type) : undefined;
        const anchorOutputs = anchor && anchorType ? nodeOutputs(anchorType.info.handles, anchor.data) : [];
        const link = anchor && anchorOutputs.length > 0 && !entry.info.trigger;
        const sourceHandle = anchorOutputs.length > 1 ? anchorOutputs[0] : null;
        commit({
          nodes: [...nodes.map((other) => (other.selected ? { ...other, selected: false } : other)), node],
          edges: link ? [...edges.map(unselect), makeEdge({ source: anchor.id, target: id, sourceHandle })] : edges.map(unselect),
        });
        return id;
      },
      updateNode: ({ id, patch, field }) => {
        const { nodes: current, edges, catalog: currentCatalog } = get();
        const before = current.find((node) => node.id === id);
        const nodes = current.map((node) => (node.id === id ? { ...node, data: { ...node.data, ...patch } } : node));
        const named = before ? currentCatalog?.entry(before.data.type, before.data.typeVersion)?.info.handles.namedOutputs : undefined;
        // A switch rule renamed: the edges leaving its output follow the new name rather than break.
        const renamed = named && before && patch.params ? renamedOutputs(before.data.params, patch.params, named) : undefined;
        const movedEdges = renamed?.size ? edges.map((edge) => followRename(edge, id, renamed)) : undefined;
        commit(movedEdges ? { nodes, edges: movedEdges } : { nodes }, `${id}:${field ?? Object.keys(patch).join(',')}`);
        // The server's verdict on this node is about what it was; the editor's own check takes over.
        const { serverIssues } = get();
        if (serverIssues.byNode[id]) set({ serverIssues: { ...serverIssues, byNode: { ...serverIssues.byNode, [id]: [] } } });
      },
      rename: (name) => commit({ name }, 'flow:name'),
      updateFlow: (patch) => commit(patch, `flow:${Object.keys(patch).join(',')}`),
      restoreVersion: ({ document: restored, versionId }) => {
        if (get().readOnly) return;
        commit(contentFromDocument(restored));
        set({ restoredFrom: versionId, serverIssues: NO_ISSUES });
      },
      renameNode: ({ from, to }) => {
        const state = get();
        if (state.readOnly || from === to) return [];
        const result = renameNodeId({ nodes: state.nodes, edges: state.edges, run: state.run, catalog: state.catalog, from, to });
        if (!result.ok) return result.problems.map((problem) => describeRenameProblem(problem, state.nodes));
        commit({ nodes: result.nodes, edges: result.edges });
        set({ run: result.run, serverIssues: NO_ISSUES });
        return [];
      },
      selectNode: (id) =>
        set((state) => ({
          nodes: state.nodes.map((node) => (node.selected === (node.id === id) ? node : { ...node, selected: node.id === id })),
          edges: state.edges.map(unselect),
        })),
      deleteSelection: () => {
        const state = get();
        const next = withoutSelection(state);
        if (next.nodes.length !== state.nodes.length || next.edges.length !== state.edges.length) commit(next);
      },
      copy: () => {
        const clipboard = copySelection(get());
        if (clipboard) set({ clipboard, pasteCount: 0 });
      },
      paste: () => {
        const { clipboard, nodes, edges, pasteCount } = get();
        if (!clipboard) return;
        const pasted = pasteClipboard({ clipboard, nodes, offset: 40 * (pasteCount + 1) });
        set({ pasteCount: pasteCount + 1 });
        commit({ nodes: [...nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...pasted.nodes], edges: [...edges.map(unselect), ...pasted.edges] });
      },
      undo: () => {
        const state = get();
        const previous = state.past[state.past.length - 1];
        if (!previous || state.readOnly) return;
        restore(previous, { past: state.past.slice(0, -1), future: [contentOf(state), ...state.future] });
      },
      redo: () => {
        const state = get();
        const [next, ...rest] = state.future;
        if (!next || state.readOnly) return;
        restore(next, { past: [...state.past, contentOf(state)], future: rest });
      },
      moveNodes: (positions) => commit({ nodes: get().nodes.map((node) => (positions[node.id] ? { ...node, position: positions[node.id] } : node)) }),
      markSaved: (revision) => set({ savedRevision: revision, restoredFrom: null }),
      setServerIssues: (issues) => set({ serverIssues: indexIssues(issues) }),
      setSample: (sample) => set({ sample }),
      setRun: (run) => {
        if (!run) return set({ run: null });
        const { edges, nodes, catalog: currentCatalog } = get();
        const outputsOf = (nodeId: string) => {
          const node = nodes.find((candidate) => candidate.id === nodeId);
          const entry = node && currentCatalog?.entry(node.data.type, node.data.typeVersion);
          return node && entry ? nodeOutputs(entry.info.handles, node.data) : [];
        };
        set({ run: { status: run.status, durationMs: run.durationMs, error: run.error, byNode: runViewByNode({ steps: run.steps, edges, outputsOf }) } });
      },
      clearNotice: () => set({ notice: null }),
    };
  });
}

export interface EditorStoreInit {
  flowId: string;
  document: FlowDocument;
  catalog?: EditorCatalog | null;
  readOnly?: boolean;
}

export function contentOf(state: FlowContent): FlowContent {
  return { name: state.name, description: state.description, settings: state.settings, nodes: state.nodes, edges: state.edges };
}

function contentFromDocument(document: FlowDocument): FlowContent {
  return { name: document.name, description: document.description, settings: document.settings, nodes: nodesFromDocument(document), edges: edgesFromDocument(document) };
}

function validate(content: FlowContent, catalog: EditorCatalog | null): IssueIndex {
  if (!catalog) return NO_ISSUES;
  const result = validateFlow(toDocument(content), catalog);
  return result.ok ? NO_ISSUES : indexIssues(result.errors);
}

function unselect(edge: EditorEdge): EditorEdge {
  return edge.selected ? { ...edge, selected: false } : edge;
}

/** Defaults the schema declares for top-level params, so a new node starts from sensible values. */
function defaultParams(properties: Record<string, { default?: unknown }> | undefined): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties ?? {})) {
    if (property.default !== undefined && typeof property.default !== 'object') params[key] = property.default;
  }
  return params;
}

/** Output names that changed at the same place in a list param (rule 2 "paid" → "paid-eu"), old → new. */
function renamedOutputs(before: Record<string, unknown>, after: Record<string, unknown>, named: NamedOutputs): Map<string, string> {
  const namesAt = (params: Record<string, unknown>): unknown[] => {
    const list = params[named.param];
    return Array.isArray(list) ? list.map((item: unknown) => (typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[named.key] : undefined)) : [];
  };
  const old = namesAt(before);
  const next = namesAt(after);
  const renamed = new Map<string, string>();
  if (old.length !== next.length) return renamed;
  old.forEach((name, index) => {
    const now = next[index];
    if (typeof name === 'string' && typeof now === 'string' && name.trim() !== '' && now.trim() !== '' && name.trim() !== now.trim()) renamed.set(name.trim(), now.trim());
  });
  return renamed;
}

function followRename(edge: EditorEdge, source: string, renamed: ReadonlyMap<string, string>): EditorEdge {
  const to = edge.source === source && edge.sourceHandle ? renamed.get(edge.sourceHandle) : undefined;
  return to === undefined ? edge : { ...edge, sourceHandle: to, label: to };
}
