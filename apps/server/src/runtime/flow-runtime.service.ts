// Compiled flow versions and live triggers, cached in memory. Versions are immutable, so a
// compiled version is cached until evicted; triggers are dropped from the cache whenever their
// flow changes, and unknown keys are remembered briefly so scanners cannot hammer the store.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compileFlow, NodeRegistry, type CompiledFlow } from '@hookflow/engine';
import { webhookParams, type WebhookParams } from '@hookflow/nodes';
import { FlowEntity, FlowVersionEntity } from '../flows/flow.entities';
import { triggerNodeOf } from './trigger-node';
import { SETTINGS, type Settings } from '../config/settings';

export interface RunnableVersion {
  flowId: string;
  versionId: string;
  version: number;
  name: string;
  compiled: CompiledFlow;
}

export interface LiveTrigger {
  flowId: string;
  versionId: string;
  nodeId: string;
  method: string;
  path: string;
  /** The trigger node's checks (auth, handshakes, limits, dedupe), parsed once with the trigger;
   * null when they cannot be read, so intake fails closed. */
  params: WebhookParams | null;
}

const MAX_VERSIONS = 500;
const UNKNOWN_KEY_TTL_MS = 5_000;

@Injectable()
export class FlowRuntimeService {
  private readonly versions = new Map<string, Promise<RunnableVersion | undefined>>();
  private readonly triggers = new Map<string, { trigger: LiveTrigger | null; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: NodeRegistry,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** A compiled version, or undefined when the version no longer exists or no longer compiles. */
  runnableVersion(versionId: string): Promise<RunnableVersion | undefined> {
    // The promise is cached, so a burst of events for a new version compiles it once.
    const cached = this.versions.get(versionId);
    if (cached) return cached;
    const loading = this.loadVersion(versionId);
    if (this.versions.size >= MAX_VERSIONS) this.versions.delete(this.versions.keys().next().value ?? '');
    this.versions.set(versionId, loading);
    loading.then(
      (runnable) => runnable ?? this.versions.delete(versionId),
      () => this.versions.delete(versionId),
    );
    return loading;
  }

  private async loadVersion(versionId: string): Promise<RunnableVersion | undefined> {
    const row = await this.dataSource.getRepository(FlowVersionEntity).findOneBy({ id: versionId });
    if (!row) return undefined;
    // Versions saved before templates' node references were checked still run; a step that reads a
    // node which does not run before it fails with the reason instead of rendering nothing.
    const compiled = compileFlow({ flow: row.document, registry: this.registry, brokenReferences: 'fail-step' });
    if (!compiled.ok) return undefined;
    return { flowId: row.flowId, versionId: row.id, version: row.version, name: row.document.name, compiled: compiled.value };
  }

  async liveTrigger(key: string): Promise<LiveTrigger | null> {
    const cached = this.triggers.get(key);
    if (cached && cached.until > Date.now()) return cached.trigger;
    const flow = await this.dataSource.getRepository(FlowEntity).findOneBy({ triggerKey: key, active: true });
    const trigger = flow ? triggerOf(flow, this.registry) : null;
    this.triggers.set(key, { trigger, until: trigger ? Number.POSITIVE_INFINITY : Date.now() + UNKNOWN_KEY_TTL_MS });
    return trigger;
  }

  /** The live trigger at this key if it is cached, without touching the store (for requests refused before intake looked it up). */
  cachedTrigger(key: string): LiveTrigger | undefined {
    return this.triggers.get(key)?.trigger ?? undefined;
  }

  /** A flow's latest version and trigger node, active or not (an on-error flow runs either way). */
  async currentTrigger(flowId: string): Promise<{ flowId: string; versionId: string; nodeId: string } | undefined> {
    const flow = await this.dataSource.getRepository(FlowEntity).findOneBy({ id: flowId });
    const node = flow ? triggerNodeOf(flow.document, this.registry) : undefined;
    return flow && node ? { flowId: flow.id, versionId: flow.currentVersionId, nodeId: node.id } : undefined;
  }

  forgetTrigger(key: string | null): void {
    if (key) this.triggers.delete(key);
  }

  forgetAllTriggers(): void {
    this.triggers.clear();
  }

  triggerUrl(key: string, path: string): string {
    return `${this.settings.publicUrl}/hooks/${key}${suffixOf(path)}`;
  }

  testUrl(flowId: string, path: string): string {
    return `${this.settings.publicUrl}/hooks-test/${flowId}${suffixOf(path)}`;
  }
}

function suffixOf(path: string): string {
  return path ? `/${path.replace(/^\/+/, '')}` : '';
}

function triggerOf(flow: FlowEntity, registry: NodeRegistry): LiveTrigger | null {
  const node = triggerNodeOf(flow.document, registry);
  // Only a webhook takes requests; a scheduled flow has no URL.
  if (node?.type !== 'webhook') return null;
  const params = webhookParams.safeParse(node.params);
  return { flowId: flow.id, versionId: flow.currentVersionId, nodeId: node.id, method: node.method, path: node.path, params: params.success ? params.data : null };
}
