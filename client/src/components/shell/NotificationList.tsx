import { Box, Button, Divider, ListItemIcon, Menu, MenuItem, Typography } from "@mui/material";
import { useTranslation } from "react-i18next";
import type { AppNotification } from "../../api/notifications";
import { formatDateTime } from "../../format/dates";
import { KIND_ICONS, notificationText } from "./notificationText";

interface Props {
  anchor: HTMLElement | null;
  items: AppNotification[];
  unread: AppNotification[];
  onClose: () => void;
  onMarkAll: () => void;
  open: (n: AppNotification) => void;
}

/** The bell's list of notifications: loaded on the first click, so the menu stays out of every first route (P9). */
export default function NotificationList({ anchor, items, unread, onClose, onMarkAll, open }: Props) {
  const { t } = useTranslation();
  return (
    <Menu
      anchorEl={anchor}
      open={!!anchor}
      onClose={onClose}
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
          <Button size="small" onClick={onMarkAll}>
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
  );
}
