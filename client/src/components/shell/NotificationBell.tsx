import { useState } from "react";
import {
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  ListItemIcon,
  Menu,
  MenuItem,
  Tooltip,
  Typography,
} from "@mui/material";
import NotificationsOutlined from "@mui/icons-material/NotificationsOutlined";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { notificationsApi, type AppNotification } from "../../api/notifications";
import { formatDateTime } from "../../format/dates";
import { useApi } from "../../hooks/useApi";
import { useLiveEvent, useLiveResync } from "../../live/hooks";
import { KIND_ICONS, notificationText } from "./notificationText";

/** The app bar's bell: unread count, the latest notifications, live as they arrive. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useApi((signal) => notificationsApi.list(signal), []);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  useLiveEvent("notification:new", () => list.reload());
  useLiveResync(list.reload);
  const items = list.data ?? [];
  const unread = items.filter((n) => !n.read);

  const markRead = (n: AppNotification) => {
    if (n.read) return;
    list.setData((prev) => prev?.map((x) => (x.id === n.id ? { ...x, read: true } : x)));
    notificationsApi.markRead(n.id).catch(() => list.reload());
  };
  const open = (n: AppNotification) => {
    markRead(n);
    setAnchor(null);
    const dossierId = typeof n.payload.dossierId === "string" ? n.payload.dossierId : null;
    if (dossierId) navigate(`/dossiers/${dossierId}`);
  };

  return (
    <>
      <Tooltip title={t("notifications.title")}>
        <IconButton
          color="inherit"
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-label={t("notifications.aria", { count: unread.length })}
          data-testid="notification-bell"
        >
          <Badge badgeContent={unread.length} color="error" max={99} data-testid="notification-count">
            <NotificationsOutlined />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "right" }}
        transformOrigin={{ vertical: "top", horizontal: "right" }}
        slotProps={{
          paper: { sx: { width: 400, maxHeight: 520, mt: 1, border: 1, borderColor: "divider" } },
        }}
      >
        <Box sx={{ px: 2, py: 1, display: "flex", alignItems: "center" }}>
          <Typography variant="subtitle1" sx={{ flexGrow: 1 }}>
            {t("notifications.title")}
          </Typography>
          {unread.length > 0 && (
            <Button size="small" onClick={() => unread.forEach(markRead)}>
              {t("notifications.markAll")}
            </Button>
          )}
        </Box>
        <Divider />
        {items.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 3, textAlign: "center" }}>
            {t("notifications.empty")}
          </Typography>
        )}
        {items.slice(0, 30).map((n) => (
          <MenuItem
            key={n.id}
            onClick={() => open(n)}
            data-testid="notification"
            data-kind={n.kind}
            sx={{
              alignItems: "flex-start",
              whiteSpace: "normal",
              py: 1.25,
              bgcolor: n.read ? undefined : "primary.light",
            }}
          >
            <ListItemIcon sx={{ mt: 0.25, color: n.read ? "text.secondary" : "primary.main" }}>
              {KIND_ICONS[n.kind] ?? KIND_ICONS.default}
            </ListItemIcon>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: n.read ? 400 : 600 }}>
                {notificationText(n, t)}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {formatDateTime(n.createdAt)}
              </Typography>
            </Box>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
