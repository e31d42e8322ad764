import { DOSSIER_STATUSES, STEP_OF_STATUS, type DossierStatus, type MilestoneKey } from "@ca/shared";
import { AppError } from "../http/errors";

/**
 * An extension is refused once the dossier's result is settled (agreed or published: nothing of it may change any
 * more), and for a step the dossier has already left. Throws a conflict with the reason in both languages.
 */
export function assertExtensionPossible(status: DossierStatus, milestoneKey: MilestoneKey): void {
  if (status === "agreed" || status === "published")
    throw new AppError(
      "conflict",
      { status, milestoneKey },
      {
        vi:
          status === "published"
            ? "Kết quả của hồ sơ này đã được công bố: không thể gia hạn thêm bước nào."
            : "Hội đồng đã thống nhất kết quả của hồ sơ này: không thể gia hạn thêm bước nào.",
        en:
          status === "published"
            ? "This dossier's result is published: no step can be extended any more."
            : "The council has agreed this dossier's result: no step can be extended any more.",
      },
    );
  // The status during which the step's window is used (shared/src/deadlines.ts): after it, it extends nothing.
  const windowStatus = DOSSIER_STATUSES.find((s) => STEP_OF_STATUS[s] === milestoneKey);
  if (windowStatus && DOSSIER_STATUSES.indexOf(status) > DOSSIER_STATUSES.indexOf(windowStatus))
    throw new AppError(
      "conflict",
      { status, milestoneKey },
      {
        vi: "Hồ sơ đã qua bước này: gia hạn không còn tác dụng.",
        en: "The dossier has moved past this step: an extension would change nothing.",
      },
    );
}
