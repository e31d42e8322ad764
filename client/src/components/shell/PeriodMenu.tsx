import { ListItemText, Menu, MenuItem } from "@mui/material";
import type { TPeriod } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { PeriodKindChip } from "../PeriodKindChip";

interface Props {
  anchor: HTMLElement | null;
  periods: TPeriod[];
  value: string | null;
  onClose: () => void;
  onChange: (periodId: string) => void;
}

/** The period selector's list (a listbox of options, as a select's would be), loaded on the first click. */
export default function PeriodMenu({ anchor, periods, value, onClose, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Menu
      anchorEl={anchor}
      open={!!anchor}
      onClose={onClose}
      slotProps={{
        list: { role: "listbox", "aria-label": t("period.select") },
        paper: { sx: { minWidth: anchor?.offsetWidth, mt: 0.5 } },
      }}
    >
      {periods.map((p) => (
        <MenuItem
          key={p.id}
          role="option"
          selected={p.id === value}
          aria-selected={p.id === value}
          onClick={() => onChange(p.id)}
        >
          <ListItemText
            primary={p.name}
            secondary={
              p.kind === "training" ? t("period.trainingHint") : t("period.officialHint", { year: p.year })
            }
          />
          <PeriodKindChip period={p} />
        </MenuItem>
      ))}
    </Menu>
  );
}
