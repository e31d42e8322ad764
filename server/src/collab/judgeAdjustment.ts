import { definitionOfLeaf, derivePoints, isValidScore, type KindProblem, type TAdjustment } from "@ca/shared";
import type { MeetingLeaf, ProjectionContext } from "../queries/projectionContext";

export type { MeetingLeaf, ProjectionContext };

export type Verdict = { valid: true } | { valid: false; reason: string };

/**
 * docs/architecture.md: a proposal counts only when it is in range, on the step, on an unlocked leaf the council scores, and
 * made by a permitted member. `author` is who actually sent it — the connection's user — or null for a proposal
 * read back from storage, whose stored author must then be a permitted proposer. Reasons are shown to the whole
 * meeting, in Vietnamese.
 */
export function judgeAdjustment(
  ctx: ProjectionContext,
  code: string,
  adj: TAdjustment,
  author: string | null,
): Verdict {
  const leaf = ctx.leaves.get(code);
  if (!leaf) return { valid: false, reason: "Không có tiêu chí này trong bộ chỉ số." };
  if (ctx.locked.has(code)) return { valid: false, reason: "Tiêu chí đã khóa: điểm đã được thống nhất." };
  if (!leaf.applicable) return { valid: false, reason: "Tiêu chí không áp dụng cho đơn vị." };
  if (leaf.method === "survey")
    return { valid: false, reason: "Điểm điều tra xã hội học lấy từ kết quả khảo sát, không điều chỉnh." };
  if (author !== null && adj.by !== author)
    return { valid: false, reason: "Người đề xuất ghi trong đề xuất không phải người đã gửi." };
  if (!ctx.proposers.has(adj.by))
    return { valid: false, reason: "Người đề xuất không có quyền điều chỉnh hồ sơ này." };
  if (leaf.scoringKind !== "points") return judgeKindAnswer(leaf, adj);
  if (adj.level !== undefined || adj.figures !== undefined)
    return { valid: false, reason: "Tiêu chí này chấm bằng điểm, không theo mức hay số liệu." };
  if (adj.score < 0 || adj.score > leaf.maxPoints)
    return { valid: false, reason: `Điểm phải từ 0 đến ${(leaf.maxPoints / 100).toLocaleString("vi-VN")}.` };
  if (!isValidScore(adj.score, leaf.maxPoints, leaf.step))
    return { valid: false, reason: `Điểm phải theo bước ${(leaf.step / 100).toLocaleString("vi-VN")}.` };
  return { valid: true };
}

const KIND_REASONS: Record<KindProblem, string> = {
  wrong_kind: "Đề xuất phải theo loại của tiêu chí: chọn mức, hoặc nhập số liệu.",
  unknown_level: "Mức đề xuất không có trong tiêu chí.",
  bad_figures: "Số liệu đề xuất không đúng định dạng của tiêu chí.",
  zero_denominator: "Mẫu số phải lớn hơn 0.",
  out_of_range: "Điểm ngoài thang điểm của tiêu chí.",
  off_step: "Điểm không theo bước của tiêu chí.",
};

/**
 * A proposal on a `levels`, `yesno` or `quantity` leaf proposes the level or the figures; the points are derived
 * from them here, and a proposal whose `score` says otherwise is refused (a client deriving differently).
 */
function judgeKindAnswer(leaf: MeetingLeaf, adj: TAdjustment): Verdict {
  const def = definitionOfLeaf(leaf);
  const answer =
    def.kind === "quantity"
      ? adj.figures && adj.level === undefined && { figures: adj.figures }
      : adj.level !== undefined && adj.figures === undefined && { level: adj.level };
  const derived = answer ? derivePoints(def, answer) : ({ ok: false, problem: "wrong_kind" } as const);
  if (!derived.ok) return { valid: false, reason: KIND_REASONS[derived.problem] };
  if (derived.points !== adj.score)
    return {
      valid: false,
      reason: `Điểm đề xuất không khớp: theo ${def.kind === "quantity" ? "số liệu" : "mức"} đã chọn là ${(
        derived.points / 100
      ).toLocaleString("vi-VN")}.`,
    };
  return { valid: true };
}
