// Warns before unsaved edits are lost: closing the tab (beforeunload) or navigating in the app.
import { useEffect } from 'react';
import { setNavigationGuard } from '../app/navigation-guard';
import { useEditorStore } from './store/editor-store-context';

const MESSAGE = 'This flow has unsaved changes. Leave without saving?';

export function useUnsavedChangesGuard(): void {
  const dirty = useEditorStore((state) => state.revision !== state.savedRevision && !state.readOnly);
  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = MESSAGE;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    setNavigationGuard(MESSAGE);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      setNavigationGuard(null);
    };
  }, [dirty]);
}
