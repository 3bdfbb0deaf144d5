// Provides one editor store to a subtree; components read it through narrow selectors.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorActions, EditorState, EditorStore } from './editor-store';

const EditorStoreContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore needs an <EditorStoreProvider> above it');
  return store;
}

export function useEditorStore<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
