import { formatVnDateTime } from "@ca/shared";
import type { AppContext } from "../../context";
import type { Notified } from "../../events/domainEvents";

// Vietnamese subjects per kind; the body names the step and links to the dossier.
const SUBJECT: Record<string, string> = {
  reminder: "Nhắc nhở về việc xác định chất lượng hoạt động",
  self_submitted: "Đơn vị đã nộp hồ sơ tự đánh giá",
  round1_closed: "Hội đồng đã thẩm định lần 1 hồ sơ của đơn vị",
  round2_closed: "Hội đồng đã thẩm định lần 2 hồ sơ của đơn vị",
  extension: "Đơn vị được gia hạn",
  explained: "Đơn vị đã nộp báo cáo giải trình",
};

function body(n: Notified, link: string): string {
  const p = n.payload;
  const lines = [SUBJECT[n.kind] ?? n.kind];
  if (typeof p.message === "string") lines.push("", p.message);
  if (n.kind === "round1_closed" && typeof p.requests === "number")
    lines.push("", `Số yêu cầu giải trình: ${p.requests}. Đề nghị đơn vị giải trình trong thời hạn.`);
  if (n.kind === "extension" && typeof p.until === "string")
    lines.push("", `Gia hạn đến: ${formatVnDateTime(p.until)} (giờ Việt Nam)`);
  lines.push("", `Xem hồ sơ: ${link}`, "", "— Hệ thống Thẩm định Chất lượng Hoạt động");
  return lines.join("\n");
}

/** After a commit: e-mails the notifications to those with an address when SMTP is set (events/dispatcher.ts). */
export function mailNotifications(
  ctx: Pick<AppContext, "mailer" | "config">,
  notified: readonly Notified[],
): void {
  if (!ctx.mailer.enabled) return;
  const base = ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`;
  for (const n of notified) {
    if (!n.email) continue;
    const link = typeof n.payload.dossierId === "string" ? `${base}/dossiers/${n.payload.dossierId}` : base;
    void ctx.mailer.send(n.email, SUBJECT[n.kind] ?? "Thông báo", body(n, link));
  }
}
