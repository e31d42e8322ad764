import { Chip, CircularProgress, useMediaQuery, type Theme } from "@mui/material";
import CheckCircleOutline from "@mui/icons-material/CheckCircleOutline";
import EditNoteOutlined from "@mui/icons-material/EditNoteOutlined";
import ErrorOutline from "@mui/icons-material/ErrorOutline";
import RadioButtonUnchecked from "@mui/icons-material/RadioButtonUnchecked";
import { useTranslation } from "react-i18next";
import type { SaveState } from "./useSelfDrafts";

const LOOK = {
  saved: { color: "success", icon: <CheckCircleOutline /> },
  saving: { color: "info", icon: <CircularProgress size={14} color="inherit" /> },
  unsaved: { color: "warning", icon: <EditNoteOutlined /> },
  error: { color: "error", icon: <ErrorOutline /> },
  empty: { color: "default", icon: <RadioButtonUnchecked /> },
} as const;

/** Saved / saving / unsaved / error, for one leaf or the whole page. */
export function SaveStateChip({
  state,
  overall,
  testId,
}: {
  /** "empty": a leaf nobody has scored yet (nothing to save). */
  state: SaveState | "empty";
  overall?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  // On a phone the page's state takes the leaf's short words ("Đã lưu"), leaving the one-row toolbar to the
  // filters; the whole sentence stays its accessible name and tooltip.
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down("sm"));
  const look = LOOK[state];
  const full = t(overall ? `save.overall.${state}` : `save.${state}`);
  return (
    <Chip
      size="small"
      variant={overall ? "filled" : "outlined"}
      color={look.color}
      icon={look.icon}
      label={overall && phone ? t(`save.${state}`) : full}
      title={full}
      aria-label={full}
      data-testid={testId}
      data-state={state}
      sx={{ fontWeight: 600 }}
    />
  );
}
