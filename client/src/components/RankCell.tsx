import { Box, Typography } from "@mui/material";
import type { TRankedUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";

/** How many rows of one ranking share each rank: a rank held by two or more units is a tie. */
export function tiesOf(rows: readonly Pick<TRankedUnit, "rank">[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows) if (r.rank !== null) out.set(r.rank, (out.get(r.rank) ?? 0) + 1);
  return out;
}

/**
 * A unit's rank as the ranking holds it: unranked units say so, and tied units say that they share the rank and
 * why they are listed in that order (same index and tie-breaks: by name).
 */
export function RankCell({
  row,
  ties,
}: {
  row: Pick<TRankedUnit, "rank" | "standing">;
  ties: Map<number, number>;
}) {
  const { t } = useTranslation();
  if (row.standing === "unranked")
    return (
      <Typography
        variant="body2"
        color="text.secondary"
        component="span"
        data-testid="rank-unranked"
        sx={{ whiteSpace: { sm: "nowrap" } }}
      >
        {t("ranking.unranked")}
      </Typography>
    );
  if (row.rank === null) return <>—</>;
  const shared = (ties.get(row.rank) ?? 1) - 1;
  return (
    <Box component="span" sx={{ display: "inline-flex", alignItems: "baseline", gap: 0.75 }}>
      <Box component="span" sx={{ fontWeight: 700 }}>
        {row.rank}
      </Box>
      {shared > 0 && (
        <Box
          component="span"
          title={t("ranking.tieWhy", { count: shared, rank: row.rank })}
          data-testid="rank-tie"
          sx={{ fontSize: 12, fontWeight: 500, color: "text.secondary", whiteSpace: { sm: "nowrap" } }}
        >
          {t("ranking.tie")}
        </Box>
      )}
    </Box>
  );
}
