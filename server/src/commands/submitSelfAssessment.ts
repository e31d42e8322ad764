import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { AppError } from "../http/errors";
import type { FileStore } from "../services/fileStore";
import { assertStatus, assertWindowOpen, touchDossier } from "./dossierGuards";
import { notifyUnit } from "./notifyUnit";
import { checkUpload, storeDossierFile } from "./uploadFile";
import type { DossierState } from "../queries/dossierState";

/** Leaves the agency still owes before it can submit: unscored self leaves and required evidence missing. */
export function missingForSubmission(state: DossierState) {
  const selfLeaves = state.leaves.filter((l) => l.method === "self" && !state.notApplicable.has(l.id));
  const scored = new Set(state.scores.filter((s) => s.stage === "self").map((s) => s.itemId));
  const evidenced = new Set(state.files.filter((f) => f.purpose === "evidence").map((f) => f.itemId));
  return {
    unscored: selfLeaves.filter((l) => !scored.has(l.id)).map((l) => l.code),
    missingEvidence: selfLeaves.filter((l) => l.evidenceRequired && !evidenced.has(l.id)).map((l) => l.code),
  };
}

/**
 * Step 6 ends: the head submits (chốt) the self-assessment with the signed report (PDF), inside the window, once
 * every leaf is scored and evidenced. The dossier moves to `self_submitted` and is locked for the agency.
 */
export async function submitSelfAssessment({
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
      vi: "Cần đính kèm báo cáo tự đánh giá đã ký (PDF).",
      en: "The signed self-assessment report (PDF) is required.",
    });
  const type = checkUpload(report.bytes, "signed_self_report");
  return storeDossierFile(
    db,
    store,
    {
      actor,
      dossierId,
      itemId: null,
      purpose: "signed_self_report",
      bytes: report.bytes,
      name: report.name,
      type,
    },
    async (state, tx) => {
      assertStatus(state, "draft");
      assertWindowOpen(state, "self_assessment", now);
      const missing = missingForSubmission(state);
      if (missing.unscored.length || missing.missingEvidence.length)
        throw new AppError("conflict", missing, {
          vi: `Chưa thể nộp: ${missing.unscored.length} tiêu chí chưa chấm, ${missing.missingEvidence.length} tiêu chí thiếu minh chứng.`,
          en: `Cannot submit yet: ${missing.unscored.length} leaves unscored, ${missing.missingEvidence.length} missing evidence.`,
        });
      await touchDossier(tx, dossierId, "self_submitted");
      await appendAudit(tx, {
        actor,
        action: "dossier.transition",
        entity: "dossier",
        entityId: dossierId,
        oldValue: { status: "draft" },
        newValue: { status: "self_submitted" },
      });
      await notifyUnit(tx, state.unit.id, "self_submitted", { dossierId });
    },
  );
}
