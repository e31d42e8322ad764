import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { AppError } from "../http/errors";
import { loadDossierState } from "../queries/dossierState";
import { assertStatus, lockDossier, touchDossier } from "../rules/dossierGuards";
import { notifyUnit } from "./notifyUnit";
import { dossierChanged, type DomainEvent } from "../events/domainEvents";

/**
 * The chair (or admin) closes round 1 (→ `round1_done`, the agency may now see the round-1 scores and explain) or
 * round 2 (→ `round2_done`). A round closes only when no working-group draft awaits confirmation, and round 2
 * only when every request for explanation is resolved.
 */
export async function closeRound({
  db,
  actor,
  dossierId,
  round,
}: {
  db: Db;
  actor: { id: string; username: string };
  dossierId: string;
  round: 1 | 2;
}) {
  return db.transaction(async (tx) => {
    await lockDossier(tx, dossierId);
    const state = await loadDossierState(tx, dossierId);
    const from = round === 1 ? "self_submitted" : "explained";
    const to = round === 1 ? "round1_done" : "round2_done";
    assertStatus(state, from);
    const stage = round === 1 ? "round1" : "round2";
    const drafts = state.scores
      .filter((s) => s.stage === stage && !s.confirmed)
      .map((s) => state.leaves.find((l) => l.id === s.itemId)?.code);
    if (drafts.length)
      throw new AppError(
        "conflict",
        { drafts },
        {
          vi: `Còn ${drafts.length} điểm dự thảo của Tổ công tác chưa được thành viên Hội đồng xác nhận.`,
          en: `${drafts.length} working-group drafts still await a council member's confirmation.`,
        },
      );
    const unresolved = state.comments.filter((c) => c.kind === "request" && c.status !== "resolved");
    if (round === 2 && unresolved.length)
      throw new AppError(
        "conflict",
        { unresolved: unresolved.map((c) => c.id) },
        {
          vi: `Còn ${unresolved.length} yêu cầu giải trình chưa được xử lý.`,
          en: `${unresolved.length} requests for explanation are not resolved yet.`,
        },
      );
    const dossier = await touchDossier(tx, dossierId, to);
    const notified = await notifyUnit(tx, { unitId: state.unit.id, status: to }, `${stage}_closed`, {
      dossierId,
      requests: state.comments.filter((c) => c.kind === "request").length,
    });
    await appendAudit(tx, {
      actor,
      action: "dossier.transition",
      entity: "dossier",
      entityId: dossierId,
      oldValue: { status: from },
      newValue: { status: to },
    });
    const events: DomainEvent[] = [
      dossierChanged(dossier, "status"),
      { type: "rankingChanged", periodId: dossier.periodId },
      { type: "notified", notifications: notified },
    ];
    return { dossier, notified, events };
  });
}
