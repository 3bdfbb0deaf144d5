// A flow's saved versions, newest first, in the settings panel: when each was saved and by whom,
// and "Restore", which loads that version into the editor as unsaved changes. Nothing is written
// until the person saves (which makes a new version), and undo takes the restore back.
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FlowVersionSummary } from '../../api/api-types';
import { api } from '../../api/endpoints';
import { queryKeys } from '../../api/query-keys';
import { ErrorMessage } from '../../shared/ErrorMessage';
import { formatTime } from '../../shared/format';
import { useEditorStore } from '../store/editor-store-context';

const PAGE_SIZE = 20;

export function VersionHistory() {
  const [open, setOpen] = useState(false);
  return (
    <details className="help-box version-history" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="section-title">Version history</summary>
      {open ? <VersionList /> : null}
    </details>
  );
}

function VersionList() {
  const flowId = useEditorStore((state) => state.flowId);
  const readOnly = useEditorStore((state) => state.readOnly);
  const restoreVersion = useEditorStore((state) => state.restoreVersion);
  // Cleared by a save: the restored version is then the current one.
  const unsavedRestore = useEditorStore((state) => state.restoredFrom !== null);
  const [restored, setRestored] = useState<number | null>(null);
  const versions = useInfiniteQuery({
    queryKey: queryKeys.flowVersions(flowId),
    queryFn: ({ pageParam }) => api.flowVersions(flowId, { limit: PAGE_SIZE, cursor: pageParam || undefined }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const restore = useMutation({
    mutationFn: (summary: FlowVersionSummary) => api.flowVersion(summary.id),
    onSuccess: (version) => {
      restoreVersion({ document: version.document, versionId: version.id });
      setRestored(version.version);
    },
  });
  const items = versions.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="version-list">
      <p className="field-help">Every save keeps a version. Restoring one loads it here as unsaved changes: save to make it the newest version.</p>
      {versions.isLoading ? <p className="muted small-text">Loading versions…</p> : null}
      <ErrorMessage error={versions.error} title="Could not load the versions" />
      {restored !== null && unsavedRestore ? (
        <p className="success-text" role="status">
          Version {restored} is loaded as unsaved changes. Save to keep it, or undo (Ctrl+Z) to go back.
        </p>
      ) : null}
      <ErrorMessage error={restore.error} title="Could not restore that version" />
      <ol className="version-rows" aria-label="Saved versions">
        {items.map((item) => (
          <VersionRow
            key={item.id}
            item={item}
            canRestore={!readOnly && !item.current}
            busy={restore.isPending}
            onRestore={() => {
              setRestored(null);
              restore.mutate(item);
            }}
          />
        ))}
      </ol>
      {versions.hasNextPage ? (
        <button type="button" className="button small" disabled={versions.isFetchingNextPage} onClick={() => void versions.fetchNextPage()}>
          {versions.isFetchingNextPage ? 'Loading…' : 'Show older versions'}
        </button>
      ) : null}
    </div>
  );
}

function VersionRow({ item, canRestore, busy, onRestore }: { item: FlowVersionSummary; canRestore: boolean; busy: boolean; onRestore(): void }) {
  return (
    <li className="version-row" data-testid={`version-${item.version}`}>
      <div>
        <strong>Version {item.version}</strong> {item.current ? <span className="pill">current</span> : null}
        <div className="muted small-text">
          <span title={item.createdAt}>{formatTime(item.createdAt)}</span>
          {savedByText(item.savedBy)} · {item.nodeCount} step{item.nodeCount === 1 ? '' : 's'} · “{item.name}”
        </div>
      </div>
      {canRestore ? (
        <button type="button" className="button small" aria-label={`Restore version ${item.version}`} disabled={busy} onClick={onRestore}>
          Restore
        </button>
      ) : null}
    </li>
  );
}

function savedByText(savedBy: FlowVersionSummary['savedBy']): string {
  if (!savedBy) return '';
  if (savedBy.kind === 'api_key') return ` by the API key “${savedBy.name ?? 'unnamed'}”`;
  if (savedBy.kind === 'system') return ' by the server';
  return savedBy.name ? ` by ${savedBy.name}` : '';
}
