import { Chip } from "@mui/material";
import CloudDoneOutlined from "@mui/icons-material/CloudDoneOutlined";
import CloudOffOutlined from "@mui/icons-material/CloudOffOutlined";
import SyncOutlined from "@mui/icons-material/SyncOutlined";
import { useTranslation } from "react-i18next";
import { useConnectionSummary } from "../live/hooks";

const LOOK = {
  connected: { color: "success", icon: <CloudDoneOutlined /> },
  connecting: { color: "default", icon: <SyncOutlined /> },
  reconnecting: { color: "warning", icon: <SyncOutlined /> },
  offline: { color: "error", icon: <CloudOffOutlined /> },
} as const;

/**
 * The tab's one connection status — Socket.IO and every shared document together: connected, reconnecting, or
 * offline, with how many edits are still waiting for the server. The hint is a native title: this chip sits on
 * every live page, and MUI's Tooltip would bring Popper into each first route.
 */
export function LiveStatusChip() {
  const { t } = useTranslation();
  const { state, unsynced } = useConnectionSummary();
  const look = LOOK[state];
  const label =
    unsynced > 0 && state !== "connected"
      ? t(`live.unsynced.${state}`, { count: unsynced })
      : t(`live.${state}`);
  return (
    <Chip
      size="small"
      variant="outlined"
      color={look.color}
      icon={look.icon}
      label={label}
      title={t(`live.hint.${state}`)}
      data-testid="live-status"
      data-status={state}
      data-unsynced={unsynced}
      sx={{ bgcolor: "background.paper", maxWidth: "100%" }}
    />
  );
}
