// Stored credentials as the server answers them (docs/api.md, "Credentials"): never their data.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteJson, postJson, putJson, requestJson } from '../api/http';
import type { Role } from '../auth/auth-api';
import type { CredentialType } from './credential-kinds';

/** Who may use a credential in their flows, besides owners (who always may). */
export type UsableBy = { mode: 'everyone' } | { mode: 'roles'; roles: Role[] } | { mode: 'users'; userIds: string[] };

export interface CredentialSummary {
  id: string;
  name: string;
  type: CredentialType | string;
  createdAt: string;
  updatedAt: string;
  /** Only owners are told who may use it. */
  usableBy?: UsableBy;
  /** Whether the signed-in person may use it in a flow (answered by the list). */
  usable?: boolean;
}

export interface CredentialInput {
  name: string;
  type: CredentialType;
  /** Left out on an edit that keeps the stored secret. */
  data?: Record<string, string>;
  usableBy?: UsableBy;
}

const credentialPath = (id: string) => `/api/credentials/${encodeURIComponent(id)}`;

export const credentialsApi = {
  list: () => requestJson<CredentialSummary[]>('/api/credentials'),
  create: (input: CredentialInput) => postJson<CredentialSummary>('/api/credentials', input),
  update: (id: string, input: Partial<CredentialInput>) => putJson<CredentialSummary>(credentialPath(id), input),
  remove: (id: string) => deleteJson(credentialPath(id)),
};

export const credentialsKey = ['credentials'] as const;

export function useCredentials() {
  return useQuery({ queryKey: credentialsKey, queryFn: credentialsApi.list });
}

export function useCredentialMutations() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: credentialsKey });
  return {
    create: useMutation({ mutationFn: credentialsApi.create, onSuccess }),
    update: useMutation({ mutationFn: ({ id, input }: { id: string; input: Partial<CredentialInput> }) => credentialsApi.update(id, input), onSuccess }),
    remove: useMutation({ mutationFn: credentialsApi.remove, onSuccess }),
  };
}
