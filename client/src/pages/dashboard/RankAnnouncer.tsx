import { useEffect, useRef, useState } from "react";
import { Box } from "@mui/material";
import type { TDashboardUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";

/**
 * Says each rank change once, politely, to screen readers: one short sentence per unit that moved
 * ("Sở Tài chính lên hạng 2"), compared with the previous figures this screen showed.
 */
export function RankAnnouncer({ units }: { units: TDashboardUnit[] }) {
  const { t } = useTranslation();
  const previous = useRef<Map<string, number> | null>(null);
  const [message, setMessage] = useState("");
  useEffect(() => {
    const now = new Map<string, number>();
    for (const u of units) if (!u.hidden && u.rank !== null) now.set(u.unit.id, u.rank);
    const before = previous.current;
    previous.current = now;
    if (!before) return;
    const sentences: string[] = [];
    for (const u of units) {
      const was = before.get(u.unit.id);
      const is = now.get(u.unit.id);
      if (was === undefined || is === undefined || was === is) continue;
      sentences.push(
        t(is < was ? "dashboard.announce.up" : "dashboard.announce.down", { unit: u.unit.name, rank: is }),
      );
    }
    if (sentences.length) setMessage(sentences.join(". ") + ".");
  }, [units, t]);
  return (
    <Box
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="dash-announce"
      // Visually hidden. In px: in `sx` a width of 1 means 100%, which made the page scroll sideways.
      sx={{
        position: "absolute",
        width: "1px",
        height: "1px",
        p: 0,
        m: "-1px",
        overflow: "hidden",
        clip: "rect(0 0 0 0)",
        whiteSpace: "nowrap",
        border: 0,
      }}
    >
      {message}
    </Box>
  );
}
