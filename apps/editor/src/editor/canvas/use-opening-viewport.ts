// Places the canvas once, when the flow it opened with has been measured (see readable-viewport.ts).
// Later moves are the user's, or the toolbar's "Fit view", which shows the whole flow. A flow that
// opens empty keeps the default view: moving the canvas under the first node dropped on it would
// put the next ones somewhere else than where the user drops them.
import { useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { readableViewport } from './readable-viewport';

export function useOpeningViewport(nodeCount: number): void {
  const initialized = useNodesInitialized();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const { getNodes, getNodesBounds, setViewport } = useReactFlow();
  const opened = useRef(nodeCount === 0);
  useEffect(() => {
    if (opened.current || !initialized || nodeCount === 0 || width === 0 || height === 0) return;
    opened.current = true;
    void setViewport(readableViewport({ bounds: getNodesBounds(getNodes()), width, height }));
  }, [initialized, nodeCount, width, height, getNodes, getNodesBounds, setViewport]);
}
