import { conflict } from "../http/errors";

/** The message of every refused write on an archived period (docs/domain.md: archived periods stay read-only). */
export const ARCHIVED_MESSAGE = {
  vi: "Kỳ đánh giá đã được lưu trữ nên chỉ được xem, không thể thay đổi. Để làm việc tiếp, hãy sao chép sang kỳ mới.",
  en: "This period is archived: it can be read, not changed. Clone it to start a new period.",
};

/** Refuses any change to an archived period with a clear message (409). */
export function assertPeriodWritable(period: { id: string; status: string }): void {
  if (period.status === "archived")
    throw conflict({ reason: "period_archived", periodId: period.id }, ARCHIVED_MESSAGE);
}
