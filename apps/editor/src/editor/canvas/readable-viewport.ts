// Where the canvas opens: the whole flow when it fits at a zoom whose text reads well, else at that
// zoom from the trigger's side (flows run left to right), so a wide flow is panned, not shrunk to
// illegible 6 px labels. The bounds were chosen on a 1280 px screen: the canvas is ~680 px wide
// there, and a 200 px node's 13 px label stays readable down to ~0.7.
import type { Rect, Viewport } from '@xyflow/react';

export const MIN_READABLE_ZOOM = 0.7;
export const MAX_OPENING_ZOOM = 1.25;
/** Screen pixels kept free around the flow. */
const MARGIN = 48;

export function readableViewport({ bounds, width, height }: { bounds: Rect; width: number; height: number }): Viewport {
  const fit = Math.min((width - 2 * MARGIN) / Math.max(1, bounds.width), (height - 2 * MARGIN) / Math.max(1, bounds.height));
  const zoom = Math.min(MAX_OPENING_ZOOM, Math.max(MIN_READABLE_ZOOM, fit));
  const fitsAcross = bounds.width * zoom <= width - 2 * MARGIN;
  const x = fitsAcross ? (width - bounds.width * zoom) / 2 - bounds.x * zoom : MARGIN - bounds.x * zoom;
  const fitsDown = bounds.height * zoom <= height - 2 * MARGIN;
  const y = fitsDown ? (height - bounds.height * zoom) / 2 - bounds.y * zoom : MARGIN - bounds.y * zoom;
  return { x, y, zoom };
}
