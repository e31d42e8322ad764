import { lazy, Suspense, useState } from "react";
import { Badge, IconButton } from "@mui/material";
import NotificationsOutlined from "@mui/icons-material/NotificationsOutlined";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { notificationsApi, type AppNotification } from "../../api/notifications";
import { useApi } from "../../hooks/useApi";
import { useLiveEvent, useLiveResync } from "../../live/hooks";

const NotificationList = lazy(() => import("./NotificationList"));

/** The app bar's bell: unread count, the latest notifications, live as they arrive. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useApi((signal) => notificationsApi.list(signal), []);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [opened, setOpened] = useState(false);
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
      {/* A native title: the bell is on every signed-in page, MUI's Tooltip would put Popper in each (P9). */}
      <IconButton
        color="inherit"
        onClick={(e) => {
          setAnchor(e.currentTarget);
          setOpened(true);
        }}
        aria-label={t("notifications.aria", { count: unread.length })}
        title={t("notifications.title")}
        data-testid="notification-bell"
      >
        <Badge badgeContent={unread.length} color="error" max={99} data-testid="notification-count">
          <NotificationsOutlined />
        </Badge>
      </IconButton>
      {opened && (
        <Suspense fallback={null}>
          <NotificationList
            anchor={anchor}
            items={items}
            unread={unread}
            onClose={() => setAnchor(null)}
            onMarkAll={() => unread.forEach(markRead)}
            open={open}
          />
        </Suspense>
      )}
    </>
  );
}
