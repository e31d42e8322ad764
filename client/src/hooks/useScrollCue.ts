import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Whether a sideways-scrolling row has more to show past its right edge, to draw a fade there: on a phone a
 * row cut at the edge otherwise looks complete. Follows the row's scrolling and its size.
 */
export function useScrollCue<T extends HTMLElement>() {
  const ref = useRef<T | null>(null);
  const [more, setMore] = useState(false);
  const measure = useCallback(() => {
    const el = ref.current;
    // A pixel of slack: zoomed screens round the widths.
    if (el) setMore(el.scrollLeft + el.clientWidth < el.scrollWidth - 1);
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    return () => {
      el.removeEventListener("scroll", measure);
      resized.disconnect();
    };
  }, [measure]);
  return { ref, more };
}
