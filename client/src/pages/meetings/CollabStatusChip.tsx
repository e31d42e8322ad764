import { Chip, Tooltip } from "@mui/material";
import CloudDoneOutlined from "@mui/icons-material/CloudDoneOutlined";
import CloudOffOutlined from "@mui/icons-material/CloudOffOutlined";
import SyncOutlined from "@mui/icons-material/SyncOutlined";
import { useTranslation } from "react-i18next";
import type { CollabState } from "../../collab/useMeetingDocument";

const LOOK = {
  connected: { color: "success", icon: <CloudDoneOutlined /> },
  connecting: { color: "default", icon: <SyncOutlined /> },
  reconnecting: { color: "warning", icon: <SyncOutlined /> },
  offline: { color: "error", icon: <CloudOffOutlined /> },
  closed: { color: "error", icon: <CloudOffOutlined /> },
} as const;

/** The shared document's connection: connected, reconnecting, or offline with the edits waiting to be sent. */
export function CollabStatusChip({ state }: { state: CollabState }) {
  const { t } = useTranslation();
  const look = LOOK[state.status];
  const label =
    state.queued > 0 && state.status !== "connected"
      ? t("meeting.collab.queued", { n: state.queued })
      : t(`meeting.collab.${state.status}`);
  return (
    <Tooltip title={t(`meeting.collab.hint.${state.status}`)}>
      <Chip
        size="small"
        variant="outlined"
        color={look.color}
        icon={look.icon}
        label={label}
        data-testid="collab-status"
        data-status={state.status}
        data-queued={state.queued}
        sx={{ bgcolor: "background.paper" }}
      />
    </Tooltip>
  );
}
