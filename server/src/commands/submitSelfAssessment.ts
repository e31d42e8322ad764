import { AppError } from "../http/errors";
import type { DossierState } from "../queries/dossierState";
import { submitWithSignedReport } from "./submitWithSignedReport";

type Input = Parameters<typeof submitWithSignedReport>[1];

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
export function submitSelfAssessment(input: Input) {
  return submitWithSignedReport(
    {
      purpose: "signed_self_report",
      from: "draft",
      to: "self_submitted",
      window: "self_assessment",
      movesRanking: true,
      missingReport: {
        vi: "Cần đính kèm báo cáo tự đánh giá đã ký (PDF).",
        en: "The signed self-assessment report (PDF) is required.",
      },
      assertReady(state) {
        const missing = missingForSubmission(state);
        if (missing.unscored.length || missing.missingEvidence.length)
          throw new AppError("conflict", missing, {
            vi: `Chưa thể nộp: ${missing.unscored.length} tiêu chí chưa chấm, ${missing.missingEvidence.length} tiêu chí thiếu minh chứng.`,
            en: `Cannot submit yet: ${missing.unscored.length} leaves unscored, ${missing.missingEvidence.length} missing evidence.`,
          });
      },
    },
    input,
  );
}
