// Where the suggestion list sits: fixed to the viewport under its field, so it can be wider than a
// narrow field (a filter row is ~170 px) without being clipped by the side panel's scroll box. It
// grows to fit the longest path up to MAX_WIDTH, towards the side of the screen that has room.
import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';

export const SUGGESTION_MAX_WIDTH = 480;
const MARGIN = 8;

export function useSuggestionBox(anchor: RefObject<HTMLElement | null>, open: boolean): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    if (!open) return undefined;
    const place = () => {
      const box = anchor.current?.getBoundingClientRect();
      if (!box) return;
      const roomRight = window.innerWidth - box.left - MARGIN;
      const side: CSSProperties = roomRight >= SUGGESTION_MAX_WIDTH || box.right < SUGGESTION_MAX_WIDTH ? { left: box.left } : { right: Math.max(MARGIN, window.innerWidth - box.right) };
      setStyle({ position: 'fixed', top: box.bottom + 2, minWidth: box.width, width: 'max-content', maxWidth: `min(${SUGGESTION_MAX_WIDTH}px, calc(100vw - ${2 * MARGIN}px))`, ...side });
    };
    place();
    // Capture: the side panel scrolls, not the window.
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [anchor, open]);
  return style;
}
