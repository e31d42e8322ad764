import { Box, ButtonBase, Paper, Typography } from "@mui/material";
import { alpha } from "@mui/material/styles";
import { DOSSIER_STATUSES, type DossierStatus, type TDossierSummary } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { STATUS_COLORS } from "../../components/StatusChip";

interface Props {
  dossiers: readonly TDossierSummary[];
  selected: DossierStatus | null;
  onSelect: (status: DossierStatus | null) => void;
}

/** How many dossiers sit in each state; a tile filters the table below to that state. */
export function StatusSummary({ dossiers, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const counts = new Map<DossierStatus, number>();
  for (const d of dossiers) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);

  const tile = (key: DossierStatus | null, label: string, count: number, color: string) => {
    const active = selected === key;
    return (
      <Paper
        key={key ?? "all"}
        variant="outlined"
        component={ButtonBase}
        onClick={() => onSelect(active ? null : key)}
        aria-pressed={active}
        data-testid={`status-count-${key ?? "all"}`}
        sx={{
          p: 1.5,
          display: "block",
          textAlign: "left",
          width: "100%",
          borderColor: active ? color : "divider",
          borderLeft: `4px solid ${color}`,
          bgcolor: active ? alpha(color, 0.08) : "background.paper",
          transition: "background-color .15s",
          "&:hover": { bgcolor: alpha(color, 0.06) },
        }}
      >
        <Typography variant="h5" component="div" sx={{ color, lineHeight: 1.1 }}>
          {count}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, lineHeight: 1.3 }}>
          {label}
        </Typography>
      </Paper>
    );
  };

  return (
    <Box
      role="group"
      aria-label={t("dossiers.countsLabel")}
      sx={{
        display: "grid",
        gap: 1.5,
        mb: 3,
        gridTemplateColumns: { xs: "repeat(2, 1fr)", sm: "repeat(4, 1fr)", lg: "repeat(8, 1fr)" },
      }}
    >
      {tile(null, t("dossiers.allStatuses"), dossiers.length, "#0d47a1")}
      {DOSSIER_STATUSES.map((s) => tile(s, t(`status.${s}`), counts.get(s) ?? 0, STATUS_COLORS[s]))}
    </Box>
  );
}
