// Cached reads of the server (TanStack Query). Mutations live next to the component that runs them.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { buildCatalog, type EditorCatalog } from '../catalog/node-type-catalog';
import { api } from './endpoints';
import { queryKeys } from './query-keys';

export function useNodeTypes() {
  return useQuery({ queryKey: queryKeys.nodeTypes, queryFn: api.nodeTypes, staleTime: Infinity });
}

/** The node-type catalog, or null while it loads. */
export function useCatalog(): { catalog: EditorCatalog | null; error: unknown; isLoading: boolean } {
  const { data, error, isLoading } = useNodeTypes();
  const catalog = useMemo(() => (data ? buildCatalog(data) : null), [data]);
  return { catalog, error, isLoading };
}

export function useFlows() {
  return useQuery({ queryKey: queryKeys.flows, queryFn: api.flows, refetchInterval: 30_000 });
}

export function useFlow(id: string) {
  return useQuery({ queryKey: queryKeys.flow(id), queryFn: () => api.flow(id), staleTime: 0 });
}

export function useTemplates(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.templates, queryFn: api.templates, enabled, staleTime: Infinity });
}
