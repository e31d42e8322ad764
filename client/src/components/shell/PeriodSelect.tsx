import { ListItemText, MenuItem, Select, Stack, Typography } from "@mui/material";
import { alpha } from "@mui/material/styles";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";
import { usePeriods } from "../../period/PeriodProvider";
import { PeriodKindChip } from "../PeriodKindChip";

/** The period selector of the app bar; switching keeps the current page (timeline stays timeline). */
export function PeriodSelect({ periodId }: { periodId: string | null }) {
  const { t } = useTranslation();
  const { periods, defaultPeriodId, remember } = usePeriods();
  const navigate = useNavigate();
  const location = useLocation();
  if (!periods || periods.length === 0) return null;
  const value = periodId ?? defaultPeriodId ?? "";

  const onChange = (id: string) => {
    remember(id);
    const m = location.pathname.match(/^\/periods\/[^/]+\/(.*)$/);
    navigate(m ? `/periods/${id}/${m[1]}` : `/periods/${id}/dossiers`);
  };

  return (
    <Select
      size="small"
      value={periods.some((p) => p.id === value) ? value : ""}
      onChange={(e) => onChange(e.target.value)}
      inputProps={{ "aria-label": t("period.select") }}
      data-testid="period-select"
      displayEmpty
      renderValue={(id) => {
        const p = periods.find((x) => x.id === id);
        if (!p) return t("period.select");
        return (
          <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
              {p.name}
            </Typography>
            <PeriodKindChip period={p} />
          </Stack>
        );
      }}
      sx={{
        minWidth: 240,
        maxWidth: 380,
        color: "common.white",
        bgcolor: (th) => alpha(th.palette.common.white, 0.12),
        "& .MuiOutlinedInput-notchedOutline": { borderColor: (th) => alpha(th.palette.common.white, 0.3) },
        "&:hover .MuiOutlinedInput-notchedOutline": {
          borderColor: (th) => alpha(th.palette.common.white, 0.6),
        },
        "& .MuiSelect-icon": { color: "common.white" },
      }}
    >
      {periods.map((p) => (
        <MenuItem key={p.id} value={p.id}>
          <ListItemText
            primary={p.name}
            secondary={
              p.kind === "training" ? t("period.trainingHint") : t("period.officialHint", { year: p.year })
            }
          />
          <PeriodKindChip period={p} />
        </MenuItem>
      ))}
    </Select>
  );
}
