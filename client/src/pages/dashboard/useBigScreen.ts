import { useEffect, useRef, useState } from "react";

/**
 * The dashboard's big-screen mode for the meeting room: fixed over the page in large type, and the browser's full
 * screen where it allows it (a nicety: the mode works where the browser refuses). Leaving full screen (Esc) leaves
 * the mode too.
 */
export function useBigScreen() {
  const [big, setBig] = useState(false);
  const screen = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const onChange = () => !document.fullscreenElement && setBig(false);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);
  const toggle = () => {
    if (big) {
      setBig(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    } else {
      setBig(true);
      void screen.current?.requestFullscreen?.().catch(() => undefined);
    }
  };
  return { big, screen, toggle };
}
