import { eq } from "drizzle-orm";
import { collabRoom, officialScore, type Figures, type StageScores } from "@ca/shared";
import { appendAudit, type AuditEntry } from "../audit/appendAudit";
import { snapshotDocument } from "../collab/persistence";
import type { Db } from "../db/client";
import type { MeetingDocuments } from "../ports/meetingDocuments";
import { meetings, scores } from "../db/schema";
import { AppError, conflict, notFound } from "../http/errors";
import { isOnAgenda } from "../queries/meetings";
import { agreedOf, meetingLeavesOf } from "../queries/projectionContext";
import { loadDossierState, type DossierState } from "../queries/dossierState";
import { assertStatus, lockDossier, touchDossier } from "../rules/dossierGuards";
import { dossierChanged, meetingRef, type DomainEvent } from "../events/domainEvents";

/** A leaf's official score before the meeting: round 2, else round 1, else self (confirmed scores only). */
export function preMeetingScores(state: DossierState): Map<string, number | null> {
  const byItem = new Map<string, StageScores>();
  for (const s of state.scores) {
    if (!s.confirmed || s.stage === "agreed") continue;
    byItem.set(s.itemId, { ...byItem.get(s.itemId), [s.stage]: s.score });
  }
  return new Map(state.leaves.map((l) => [l.code, officialScore(byItem.get(l.id))]));
}

type Answer = { level: string | null; figures: Figures | null };

/** What the official stage before the meeting recorded beside its points (level or figures), per leaf code. */
export function preMeetingAnswers(state: DossierState): Map<string, Answer> {
  const order = ["self", "round1", "round2"];
  const best = new Map<string, { rank: number; answer: Answer }>();
  const codeOf = new Map(state.leaves.map((l) => [l.id, l.code]));
  for (const s of state.scores) {
    const rank = order.indexOf(s.stage);
    const code = codeOf.get(s.itemId);
    if (!s.confirmed || rank < 0 || !code || (best.get(code)?.rank ?? -1) > rank) continue;
    best.set(code, { rank, answer: { level: s.level, figures: s.figures } });
  }
  return new Map([...best].map(([code, b]) => [code, b.answer]));
}

/**
 * docs/architecture.md "Lock": the chair locks a dossier's leaves (the listed ones, or all that remain): each leaf's valid
 * proposal — or, without one, its official score — becomes its agreed score, in one transaction with an audit row
 * per leaf; once every leaf the council scores is agreed, the dossier moves to `agreed`. The dossier's document is
 * held while its proposals are read and locked, so what is locked is exactly what was seen.
 */
export async function lockMeetingDossier({
  db,
  actor,
  meetingId,
  dossierId,
  codes,
  documents,
}: {
  db: Db;
  actor: { id: string; username: string };
  meetingId: string;
  dossierId: string;
  codes?: string[];
  /** The meeting's documents: the proposals are read from, and the "lock" snapshot taken of, the dossier's one. */
  documents: MeetingDocuments;
}) {
  const room = collabRoom(meetingId, dossierId);
  return documents.hold([room], async (live) => {
    const { proposals, answers } = await documents.projection(meetingId, dossierId);
    return lockProposals(db, actor, {
      meetingId,
      dossierId,
      codes,
      proposals,
      answers,
      live: live.get(room),
    });
  });
}

/** The lock's transaction, given the proposals as they stand (hundredths by leaf code) and the document's state. */
function lockProposals(
  db: Db,
  actor: { id: string; username: string },
  {
    meetingId,
    dossierId,
    codes,
    proposals,
    answers,
    live,
  }: {
    meetingId: string;
    dossierId: string;
    codes?: string[];
    proposals: ReadonlyMap<string, number>;
    /** The level or figures of those proposals (docs/scoring-kinds.md), recorded beside the agreed points. */
    answers: ReadonlyMap<string, Answer>;
    /** The document's in-memory state, for the "lock" snapshot. */
    live?: Uint8Array;
  },
) {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for("update");
    if (!meeting) throw notFound();
    if (meeting.status !== "running")
      throw conflict(
        { status: meeting.status },
        {
          vi: "Chỉ khóa điểm khi phiên họp đang diễn ra.",
          en: "Scores are locked only while the meeting runs.",
        },
      );
    if (!(await isOnAgenda(tx, meetingId, dossierId))) throw notFound();
    await lockDossier(tx, dossierId);
    const state = await loadDossierState(tx, dossierId);
    assertStatus(state, "round2_done");
    const leaves = meetingLeavesOf(state);
    const agreed = agreedOf(state);
    const official = preMeetingScores(state);
    const officialAnswers = preMeetingAnswers(state);
    // Survey leaves come from the survey, not-applicable ones do not count: neither is the council's to agree.
    const lockable = [...leaves.values()].filter((l) => l.applicable && l.method !== "survey");
    const unknown = (codes ?? []).filter((c) => !lockable.some((l) => l.code === c));
    if (unknown.length)
      throw new AppError(
        "validation_failed",
        unknown.map((c) => ({ path: "codes", message: `not a leaf the council agrees: ${c}` })),
        {
          vi: `Không khóa được các tiêu chí: ${unknown.join(", ")}.`,
          en: `These leaves cannot be locked: ${unknown.join(", ")}.`,
        },
      );
    const already = (codes ?? []).filter((c) => agreed.has(c));
    if (already.length)
      throw conflict(
        { locked: already },
        { vi: `Tiêu chí đã khóa: ${already.join(", ")}.`, en: `Already locked: ${already.join(", ")}.` },
      );
    const targets = (codes ?? lockable.map((l) => l.code)).filter((c) => !agreed.has(c));
    const decided = new Map<string, number>();
    const decidedAnswers = new Map<string, Answer>();
    const unscored: string[] = [];
    for (const code of targets) {
      const proposed = proposals.get(code);
      const score = proposed ?? official.get(code) ?? null;
      if (score === null) unscored.push(code);
      else decided.set(code, score);
      const answer = proposed !== undefined ? answers.get(code) : officialAnswers.get(code);
      if (answer) decidedAnswers.set(code, answer);
    }
    if (unscored.length)
      throw conflict(
        { unscored },
        {
          vi: `Chưa có điểm để thống nhất: ${unscored.join(", ")}.`,
          en: `No score to agree for: ${unscored.join(", ")}.`,
        },
      );
    if (decided.size === 0)
      throw conflict({}, { vi: "Không còn tiêu chí nào để khóa.", en: "Nothing is left to lock." });

    const now = new Date();
    await tx.insert(scores).values(
      [...decided].map(([code, score]) => ({
        dossierId,
        itemId: leaves.get(code)!.id,
        stage: "agreed" as const,
        score,
        level: decidedAnswers.get(code)?.level ?? null,
        figures: decidedAnswers.get(code)?.figures ?? null,
        note: "",
        authorId: actor.id,
        confirmed: true,
        updatedAt: now,
      })),
    );
    const complete = lockable.every((l) => agreed.has(l.code) || decided.has(l.code));
    const dossier = await touchDossier(tx, dossierId, complete ? "agreed" : undefined);
    const snapshot = await snapshotDocument(tx, collabRoom(meetingId, dossierId), "lock", live);
    const entries: AuditEntry[] = [...decided].map(([code, score]) => ({
      actor,
      action: "score.agreed",
      entity: "dossier",
      entityId: dossierId,
      oldValue: { code, official: official.get(code) ?? null, proposal: proposals.get(code) ?? null },
      newValue: { code, score, ...decidedAnswers.get(code), meetingId },
    }));
    if (complete)
      entries.push({
        actor,
        action: "dossier.transition",
        entity: "dossier",
        entityId: dossierId,
        oldValue: { status: "round2_done" },
        newValue: { status: "agreed", meetingId, snapshotBytes: snapshot.size },
      });
    await appendAudit(tx, entries);
    const events: DomainEvent[] = [
      // The Yjs projection marks the leaves locked before anyone hears of them.
      { type: "meetingDossierLocked", meetingId, dossierId, agreed: decided },
      // Agreed scores reach the unit with the status `agreed`, i.e. once every leaf is locked.
      dossierChanged(dossier, complete ? "status" : "leaves[].stages.agreed.score"),
      { type: "meetingChanged", meeting: meetingRef(meeting) },
      { type: "meetingProjectionMoved", meetingId, dossierId },
      { type: "rankingChanged", periodId: meeting.periodId },
    ];
    return { dossier, agreed: decided, complete, events };
  });
}
