import { AppError } from "../http/errors";
import { submitWithSignedReport } from "./submitWithSignedReport";

type Input = Parameters<typeof submitWithSignedReport>[1];

/** Step 8 ends: the head submits the explanation with the signed explanation report, once every request is answered. */
export function submitExplanation(input: Input) {
  return submitWithSignedReport(
    {
      purpose: "signed_explanation_report",
      from: "round1_done",
      to: "explained",
      window: "explanation",
      movesRanking: false,
      missingReport: {
        vi: "Cần đính kèm báo cáo giải trình đã ký (PDF).",
        en: "The signed explanation report (PDF) is required.",
      },
      assertReady(state) {
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
      },
    },
    input,
  );
}
