// Keyboard shortcuts of the canvas. Inside a text field the browser keeps its own undo, copy and
// delete; only Ctrl+S (save) works everywhere.
import { useEffect, useRef } from 'react';
import { useEditorStoreApi } from './store/editor-store-context';

export function useEditorShortcuts({ onSave }: { onSave(): void }): void {
  const store = useEditorStoreApi();
  const save = useRef(onSave);
  save.current = onSave;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (command && key === 's') {
        event.preventDefault();
        save.current();
        return;
      }
      if (isTyping(event.target)) return;
      const actions = store.getState();
      if (command && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) actions.redo();
        else actions.undo();
      } else if (command && key === 'y') {
        event.preventDefault();
        actions.redo();
      } else if (command && key === 'c') {
        actions.copy();
      } else if (command && key === 'v') {
        actions.paste();
      } else if ((key === 'delete' || key === 'backspace') && !command) {
        event.preventDefault();
        actions.deleteSelection();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
