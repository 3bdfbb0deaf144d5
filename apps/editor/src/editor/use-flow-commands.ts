// Save, activate and test-run the open flow. Each quotes the server's answer when it refuses.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FlowDetail } from '../api/api-types';
import { api } from '../api/endpoints';
import { ApiError } from '../api/http';
import { queryKeys } from '../api/query-keys';
import { useEditorStoreApi } from './store/editor-store-context';
import { toDocument } from './store/flow-mapping';

export function useSaveFlow() {
  const store = useEditorStoreApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const state = store.getState();
      const revision = state.revision;
      const saved = await api.saveFlow(state.flowId, toDocument(state), state.restoredFrom);
      return { saved, revision };
    },
    onSuccess: ({ saved, revision }) => {
      store.getState().markSaved(revision);
      store.getState().setServerIssues([]);
      queryClient.setQueryData<FlowDetail>(queryKeys.flow(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.flows, exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.flowVersions(saved.id) });
    },
    onError: (error) => showIssues(store.getState().setServerIssues, error),
  });
}

/** Activation saves unsaved edits first: what runs is always what the person sees. */
export function useActivation() {
  const store = useEditorStoreApi();
  const queryClient = useQueryClient();
  const save = useSaveFlow();
  return useMutation({
    mutationFn: async (active: boolean) => {
      const state = store.getState();
      if (state.revision !== state.savedRevision) await save.mutateAsync();
      return active ? api.activateFlow(state.flowId) : api.deactivateFlow(state.flowId);
    },
    onSuccess: (flow) => {
      store.getState().setServerIssues([]);
      queryClient.setQueryData<FlowDetail>(queryKeys.flow(flow.id), flow);
      void queryClient.invalidateQueries({ queryKey: queryKeys.flows, exact: true });
    },
    onError: (error) => showIssues(store.getState().setServerIssues, error),
  });
}

/** Runs the draft as it is on the canvas, on the current sample. */
export function useTestRun() {
  const store = useEditorStoreApi();
  return useMutation({
    mutationFn: () => {
      const state = store.getState();
      const sample = state.sample;
      return api.testRun(state.flowId, {
        payload: sample?.body ?? {},
        headers: sample?.headers ?? {},
        query: sample?.query ?? {},
        ...(sample?.method ? { method: sample.method } : {}),
        flow: toDocument(state),
      });
    },
    onMutate: () => store.getState().setRun(null),
    onSuccess: (result) => {
      store.getState().setRun({ status: result.status, steps: result.steps, durationMs: result.durationMs, error: result.error?.message });
    },
    onError: (error) => showIssues(store.getState().setServerIssues, error),
  });
}

function showIssues(setServerIssues: (issues: ApiError['issues']) => void, error: unknown): void {
  if (error instanceof ApiError && error.issues.length > 0) setServerIssues(error.issues);
}
