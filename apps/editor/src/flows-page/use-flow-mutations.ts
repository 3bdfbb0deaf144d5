// What the flows page does to flows; every mutation refreshes the list.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { api, type FlowSource } from '../api/endpoints';
import { queryKeys } from '../api/query-keys';
import type { FlowDocument } from '../api/api-types';
import { documentOf } from './flow-file';

export const EMPTY_FLOW: FlowDocument = { name: 'Untitled flow', nodes: [], edges: [] };

export function useFlowMutations() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.flows });

  const create = useMutation({
    mutationFn: ({ document, source }: { document: FlowDocument; source?: FlowSource }) => api.createFlow(document, source),
    onSuccess: (flow) => {
      void refresh();
      navigate(`/flows/${flow.id}`);
    },
  });
  const rename = useMutation({
    mutationFn: async ({ id, name }: { id: string; name: string }) => api.saveFlow(id, { ...documentOf(await api.flow(id)), name }),
    onSuccess: refresh,
  });
  const duplicate = useMutation({
    mutationFn: async (id: string) => {
      const flow = await api.flow(id);
      return api.createFlow({ ...documentOf(flow), name: `Copy of ${flow.name}`.slice(0, 200) }, 'copy');
    },
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => api.deleteFlow(id), onSuccess: refresh });
  return { create, rename, duplicate, remove };
}
