// The audit log as the server answers it (docs/api.md, "Audit log"). Owner only.
import type { Page } from '../api/api-types';
import { queryString, requestJson } from '../api/http';

export type ActorKind = 'user' | 'api_key' | 'anonymous' | 'system';

export interface AuditEntry {
  id: string;
  at: string;
  /** A user (name: email), an API key (name: the key's name), a stranger, or the server itself. */
  actor: { kind: ActorKind; id: string | null; name: string | null };
  /** e.g. `flow.saved`; see audit-wording.ts for every one. */
  action: string;
  target: { type: string; id: string | null; name: string | null } | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export const auditApi = {
  page: (query: { limit: number; cursor?: string }) => requestJson<Page<AuditEntry>>(`/api/audit${queryString(query)}`),
};

export const auditQueryKey = ['audit'] as const;
