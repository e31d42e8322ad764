import { Typography, type SxProps, type Theme } from "@mui/material";
import type { TRankingRow } from "@ca/shared";
import { useTranslation } from "react-i18next";

/** The mark a row gets while its figures count a running meeting's proposals not locked yet. */
export const PROPOSED_MARK = "✎";

/**
 * While a meeting runs, the live ranking moves with what members propose before the council agrees it: say which
 * rows (✎) count such proposals, so that nobody reads them as the agreed result (docs/api.md, `proposed`).
 */
export function ProposedNote({
  rows,
  big,
  sx,
}: {
  rows: readonly Pick<TRankingRow, "proposed">[];
  big?: boolean;
  sx?: SxProps<Theme>;
}) {
  const { t } = useTranslation();
  const count = rows.filter((r) => r.proposed).length;
  if (!count) return null;
  return (
    <Typography
      variant={big ? "body1" : "body2"}
      sx={[{ color: "warning.dark", fontWeight: 500 }, ...(Array.isArray(sx) ? sx : [sx])]}
      data-testid="ranking-proposed"
      data-count={count}
    >
      {t("ranking.proposedWhy", { count })}
    </Typography>
  );
}
