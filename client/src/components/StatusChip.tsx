import { Chip } from "@mui/material";
import { alpha } from "@mui/material/styles";
import type { DossierStatus } from "@ca/shared";
import { useTranslation } from "react-i18next";

/** One colour per dossier state, darkening as the dossier moves towards publication. */
export const STATUS_COLORS: Record<DossierStatus, string> = {
  draft: "#6b7280",
  self_submitted: "#1565c0",
  round1_done: "#4527a0",
  explained: "#e65100",
  round2_done: "#6a1b9a",
  agreed: "#00796b",
  published: "#2e7d32",
};

/** A dossier's state as a coloured chip with its Vietnamese (or English) label. */
export function StatusChip({ status, size = "small" }: { status: DossierStatus; size?: "small" | "medium" }) {
  const { t } = useTranslation();
  const color = STATUS_COLORS[status];
  return (
    <Chip
      size={size}
      label={t(`status.${status}`)}
      data-status={status}
      sx={{
        color,
        bgcolor: alpha(color, 0.1),
        border: `1px solid ${alpha(color, 0.3)}`,
        "&::before": {
          content: '""',
          width: 8,
          height: 8,
          borderRadius: "50%",
          bgcolor: color,
          ml: 1,
          mr: -0.25,
        },
      }}
    />
  );
}
