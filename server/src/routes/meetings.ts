import { Router } from "express";
import { abilities, ZMeetingCreate, type Actor } from "@ca/shared";
import type { AppContext } from "../context";
import { collabOf } from "../collab/registry";
import { createMeeting } from "../commands/createMeeting";
import { endMeeting } from "../commands/endMeeting";
import { startMeeting } from "../commands/startMeeting";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentMeeting, presentMeetingSummary } from "../presenters/meeting";
import { listMeetingsOfPeriod, loadAgenda, loadMeeting, type MeetingRow } from "../queries/meetings";
import { loadPeriod } from "../queries/periods";

/** Council meetings (DESIGN §4): planned by the chair, started and ended; each agenda dossier has a Yjs document. */
export function meetingRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  const present = async (row: MeetingRow, actor: Actor) => ({
    data: presentMeeting(row, await loadAgenda(db, row), actor),
    abilities: abilities(actor, { type: "meeting", id: row.id, periodId: row.periodId, status: row.status }),
  });

  router.post("/periods/:periodId/meetings", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "create", { type: "meeting", periodId: period.id, status: null });
    const input = validate(ZMeetingCreate, req.body);
    const meeting = await createMeeting({ db, actor, periodId: period.id, input });
    res.status(201).json(await present(meeting, actor));
  });

  router.get("/periods/:periodId/meetings", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "read", { type: "meeting", periodId: period.id, status: null });
    const rows = await listMeetingsOfPeriod(db, period.id);
    res.json({ data: rows.map((r) => presentMeetingSummary(r.row, r.agendaSize)) });
  });

  router.get("/meetings/:meetingId", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await loadMeeting(db, idParam(req.params.meetingId));
    authorize(actor, "read", resource);
    res.json(await present(row, actor));
  });

  router.post("/meetings/:meetingId/start", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await loadMeeting(db, idParam(req.params.meetingId));
    authorize(actor, "start", resource);
    const collab = collabOf(ctx);
    const rooms = (await loadAgenda(db, row)).map((a) => a.room);
    const { meeting } = await startMeeting({ db, actor, meetingId: row.id, live: collab?.liveStates(rooms) });
    // Council members already watching become editors without reconnecting.
    await collab?.reauthorizeDocuments(rooms);
    res.json(await present(meeting, actor));
  });

  router.post("/meetings/:meetingId/end", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await loadMeeting(db, idParam(req.params.meetingId));
    authorize(actor, "end", resource);
    const collab = collabOf(ctx);
    const rooms = (await loadAgenda(db, row)).map((a) => a.room);
    // Edits are held from here until the editors are made read-only, so the "end" snapshot is the final state.
    const { meeting } = collab
      ? await collab.holdEdits(rooms, async () => {
          await collab.flush(rooms);
          return endMeeting({ db, actor, meetingId: row.id, live: collab.liveStates(rooms) });
        })
      : await endMeeting({ db, actor, meetingId: row.id });
    res.json(await present(meeting, actor));
  });

  return router;
}
