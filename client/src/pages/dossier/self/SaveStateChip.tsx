import { Chip, CircularProgress } from "@mui/material";
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
  const look = LOOK[state];
  return (
    <Chip
      size="small"
      variant={overall ? "filled" : "outlined"}
      color={look.color}
      icon={look.icon}
      label={t(overall ? `save.overall.${state}` : `save.${state}`)}
      data-testid={testId}
      data-state={state}
      sx={{ fontWeight: 600 }}
    />
  );
}
