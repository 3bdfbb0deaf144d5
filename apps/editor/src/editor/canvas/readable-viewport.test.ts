import { describe, expect, it } from 'vitest';
import { MAX_OPENING_ZOOM, MIN_READABLE_ZOOM, readableViewport } from './readable-viewport';

const canvas = { width: 680, height: 600 };

describe('readableViewport', () => {
  it('shows a small flow whole and centred, no larger than the opening maximum', () => {
    const view = readableViewport({ bounds: { x: 0, y: 0, width: 200, height: 56 }, ...canvas });
    expect(view.zoom).toBe(MAX_OPENING_ZOOM);
    expect(view.x).toBeCloseTo((680 - 200 * MAX_OPENING_ZOOM) / 2);
    expect(view.y).toBeCloseTo((600 - 56 * MAX_OPENING_ZOOM) / 2);
  });

  it('fits a three-node flow whole at a zoom that still reads', () => {
    const view = readableViewport({ bounds: { x: 0, y: 0, width: 720, height: 56 }, ...canvas });
    expect(view.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    expect(view.x + 720 * view.zoom).toBeLessThanOrEqual(680);
    expect(view.x).toBeGreaterThan(0);
  });

  it('opens a wide flow at the readable minimum from the trigger’s side rather than shrinking it', () => {
    const view = readableViewport({ bounds: { x: -40, y: -160, width: 1500, height: 400 }, ...canvas });
    expect(view.zoom).toBe(MIN_READABLE_ZOOM);
    expect(view.x + -40 * view.zoom).toBe(48);
    expect(view.y).toBeCloseTo((600 - 400 * MIN_READABLE_ZOOM) / 2 + 160 * MIN_READABLE_ZOOM);
  });
});
