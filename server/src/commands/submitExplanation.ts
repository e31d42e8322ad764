import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { AppError } from "../http/errors";
import type { FileStore } from "../services/fileStore";
import { assertStatus, assertWindowOpen, touchDossier } from "./dossierGuards";
import { checkUpload, storeDossierFile } from "./uploadFile";

/** Step 8 ends: the head submits the explanation with the signed explanation report, once every request is answered. */
export async function submitExplanation({
  db,
  store,
  actor,
  dossierId,
  report,
  now = new Date(),
}: {
  db: Db;
  store: FileStore;
  actor: { id: string; username: string };
  dossierId: string;
  report: { bytes: Buffer; name: string } | undefined;
  now?: Date;
}) {
  if (!report)
    throw new AppError("validation_failed", [{ path: "signedReport", message: "required" }], {
      vi: "Cần đính kèm báo cáo giải trình đã ký (PDF).",
      en: "The signed explanation report (PDF) is required.",
    });
  const type = checkUpload(report.bytes, "signed_explanation_report");
  return storeDossierFile(
    db,
    store,
    {
      actor,
      dossierId,
      itemId: null,
      purpose: "signed_explanation_report",
      bytes: report.bytes,
      name: report.name,
      type,
    },
    async (state, tx) => {
      assertStatus(state, "round1_done");
      assertWindowOpen(state, "explanation", now);
      const open = state.comments.filter((c) => c.kind === "request" && c.status === "open");
      if (open.length)
        throw new AppError(
          "conflict",
          { open: open.map((c) => c.id) },
          {
            vi: `Còn ${open.length} yêu cầu giải trình chưa được trả lời.`,
            en: `${open.length} requests for explanation are not answered yet.`,
          },
        );
      await touchDossier(tx, dossierId, "explained");
      await appendAudit(tx, {
        actor,
        action: "dossier.transition",
        entity: "dossier",
        entityId: dossierId,
        oldValue: { status: "round1_done" },
        newValue: { status: "explained" },
      });
    },
  );
}
