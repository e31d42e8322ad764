import type { TMeetingCreate } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { meetingAgenda, meetings } from "../db/schema";
import { AppError, conflict } from "../http/errors";
import { dossiersOfPeriod } from "../queries/meetings";
import { meetingRef, type DomainEvent } from "../events/domainEvents";

// A meeting agrees the results of round 2 (docs/domain.md §2 step 9): it can be planned while round 2 is still going on.
const PLANNABLE = ["explained", "round2_done"];

/** The chair (or admin) plans a council meeting: a title, a date, and the period's dossiers in agenda order. */
export async function createMeeting({
  db,
  actor,
  periodId,
  input,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  input: TMeetingCreate;
}) {
  return db.transaction(async (tx) => {
    const found = await dossiersOfPeriod(tx, periodId, input.agenda);
    const missing = input.agenda.flatMap((id, i) => (found.some((d) => d.id === id) ? [] : [i]));
    if (missing.length)
      throw new AppError(
        "validation_failed",
        missing.map((i) => ({ path: `agenda.${i}`, message: "not a dossier of this period" })),
      );
    const early = found.filter((d) => !PLANNABLE.includes(d.status));
    if (early.length)
      throw conflict(
        { notReady: early.map((d) => ({ dossierId: d.id, status: d.status })) },
        {
          vi: `Hồ sơ chưa đến bước thẩm định lần 2: ${early.map((d) => d.unitName).join(", ")}.`,
          en: `Not yet at round 2: ${early.map((d) => d.unitName).join(", ")}.`,
        },
      );
    const [meeting] = await tx
      .insert(meetings)
      .values({ periodId, title: input.title, startsAt: new Date(input.startsAt), createdBy: actor.id })
      .returning();
    await tx
      .insert(meetingAgenda)
      .values(input.agenda.map((dossierId, position) => ({ meetingId: meeting.id, dossierId, position })));
    await appendAudit(tx, {
      actor,
      action: "meeting.create",
      entity: "meeting",
      entityId: meeting.id,
      newValue: { periodId, title: meeting.title, startsAt: meeting.startsAt, agenda: input.agenda },
    });
    const events: DomainEvent[] = [{ type: "meetingChanged", meeting: meetingRef(meeting) }];
    return { meeting, events };
  });
}
