import { isValidScore, type TAdjustment } from "@ca/shared";

/** A leaf as the meeting judges proposals for it. */
export interface MeetingLeaf {
  id: string;
  code: string;
  area: string;
  title: string;
  maxPoints: number;
  step: number;
  method: string;
  kind: string;
  applicable: boolean;
}

/** What judging a dossier's proposals needs, loaded once per document (see loadProjectionContext). */
export interface ProjectionContext {
  meetingId: string;
  dossierId: string;
  periodId: string;
  leaves: Map<string, MeetingLeaf>;
  /** Locked leaves and their agreed scores (hundredths). */
  locked: Map<string, number>;
  /** Council-side users who may propose on this dossier (not recused): judges proposals loaded from storage. */
  proposers: Set<string>;
}

export type Verdict = { valid: true } | { valid: false; reason: string };

/**
 * DESIGN §4: a proposal counts only when it is in range, on the step, on an unlocked leaf the council scores, and
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
  if (adj.score < 0 || adj.score > leaf.maxPoints)
    return { valid: false, reason: `Điểm phải từ 0 đến ${(leaf.maxPoints / 100).toLocaleString("vi-VN")}.` };
  if (!isValidScore(adj.score, leaf.maxPoints, leaf.step))
    return { valid: false, reason: `Điểm phải theo bước ${(leaf.step / 100).toLocaleString("vi-VN")}.` };
  return { valid: true };
}
