import { Chip } from "@mui/material";
import CloudDoneOutlined from "@mui/icons-material/CloudDoneOutlined";
import CloudOffOutlined from "@mui/icons-material/CloudOffOutlined";
import SyncOutlined from "@mui/icons-material/SyncOutlined";
import { useTranslation } from "react-i18next";
import { useLiveStatus } from "../live/hooks";

const LOOK = {
  connected: { color: "success", icon: <CloudDoneOutlined /> },
  connecting: { color: "default", icon: <SyncOutlined /> },
  reconnecting: { color: "warning", icon: <SyncOutlined /> },
  offline: { color: "error", icon: <CloudOffOutlined /> },
} as const;

/**
 * The live connection's state: updates arrive by themselves only while it says "connected". The hint is a
 * native title: this chip sits on every live page, and MUI's Tooltip would bring Popper into each first route.
 */
export function LiveStatusChip() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  const look = LOOK[status];
  return (
    <Chip
      size="small"
      variant="outlined"
      color={look.color}
      icon={look.icon}
      label={t(`live.${status}`)}
      title={t(`live.hint.${status}`)}
      data-testid="live-status"
      data-status={status}
      sx={{ bgcolor: "background.paper" }}
    />
  );
}
