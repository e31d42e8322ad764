import type { ReactElement } from "react";
import AlarmOutlined from "@mui/icons-material/AlarmOutlined";
import AssignmentTurnedInOutlined from "@mui/icons-material/AssignmentTurnedInOutlined";
import FactCheckOutlined from "@mui/icons-material/FactCheckOutlined";
import MoreTimeOutlined from "@mui/icons-material/MoreTimeOutlined";
import NotificationsOutlined from "@mui/icons-material/NotificationsOutlined";
import type { TFunction } from "i18next";
import type { AppNotification } from "../../api/notifications";
import { formatDateTime } from "../../format/dates";

export const KIND_ICONS: Record<string, ReactElement> = {
  self_submitted: <AssignmentTurnedInOutlined fontSize="small" />,
  round1_closed: <FactCheckOutlined fontSize="small" />,
  round2_closed: <FactCheckOutlined fontSize="small" />,
  extension: <MoreTimeOutlined fontSize="small" />,
  reminder: <AlarmOutlined fontSize="small" />,
  default: <NotificationsOutlined fontSize="small" />,
};

/** A notification in the user's language, with what its payload says (reminder text, new deadline…). */
export function notificationText(n: AppNotification, t: TFunction): string {
  const p = n.payload;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  switch (n.kind) {
    case "self_submitted":
    case "round2_closed":
      return t(`notifications.kind.${n.kind}`);
    case "round1_closed":
      return t("notifications.kind.round1_closed", {
        count: typeof p.requests === "number" ? p.requests : 0,
      });
    case "extension":
      return t("notifications.kind.extension", {
        step: t(`window.${str(p.milestoneKey)}`, { defaultValue: str(p.milestoneKey) }),
        until: p.until ? formatDateTime(str(p.until)) : "",
      });
    case "reminder":
      return t("notifications.kind.reminder", { message: str(p.message) });
    default:
      return t("notifications.kind.other", { kind: n.kind });
  }
}
