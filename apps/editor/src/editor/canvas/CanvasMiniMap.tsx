// The mini map, only where it helps: hidden on an empty or small flow (it fits on screen, and the
// map would only cover part of it), shown from MINI_MAP_FROM_NODES nodes, and a button in the
// canvas controls shows or hides it either way. Small, in the corner away from the controls.
import { ControlButton, MiniMap } from '@xyflow/react';
import { useState } from 'react';

export const MINI_MAP_FROM_NODES = 8;
const MINI_MAP_STYLE = { width: 150, height: 96 };

export function useMiniMapChoice(nodeCount: number): { shown: boolean; toggle: () => void } {
  const [choice, setChoice] = useState<boolean | null>(null);
  const shown = nodeCount > 0 && (choice ?? nodeCount >= MINI_MAP_FROM_NODES);
  return { shown, toggle: () => setChoice(!shown) };
}

export function MiniMapButton({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  const label = shown ? 'Hide the mini map' : 'Show the mini map';
  return (
    <ControlButton onClick={onToggle} title={label} aria-label={label} aria-pressed={shown} data-testid="minimap-toggle">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
        <rect x="8" y="8" width="5" height="4" fill="currentColor" />
      </svg>
    </ControlButton>
  );
}

export function CanvasMiniMap() {
  return <MiniMap pannable zoomable ariaLabel="Mini map of the flow" style={MINI_MAP_STYLE} data-testid="canvas-minimap" />;
}
