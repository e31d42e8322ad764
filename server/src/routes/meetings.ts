import { Router } from "express";
import {
  abilities,
  ZMeetingCreate,
  ZMeetingFocusInput,
  PROJECTION,
  redact,
  SNAPSHOT,
  viewerClassOf,
  ZMeetingLock,
  ZMeetingLockInput,
  type Actor,
  type DossierResource,
  type Locale,
} from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { createMeeting } from "../commands/createMeeting";
import { endMeeting } from "../commands/endMeeting";
import { lockMeetingDossier } from "../commands/lockMeetingDossier";
import { moveMeetingFocus } from "../commands/moveMeetingFocus";
import { AppError } from "../http/errors";
import { localeOf } from "../http/locale";
import type { MeetingDocuments } from "../ports/meetingDocuments";
import { presentProjection } from "../presenters/projection";
import { presentSnapshot } from "../presenters/snapshot";
import { listSnapshots, loadSnapshot } from "../queries/snapshots";
import { loadDossierState } from "../queries/dossierState";
import { loadDossier } from "../queries/dossiers";
import { startMeeting } from "../commands/startMeeting";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentMeeting, presentMeetingSummary } from "../presenters/meeting";
import {
  isOnAgenda,
  listMeetingsOfPeriod,
  loadAgenda,
  loadMeeting,
  toMeetingResource,
  type MeetingRow,
} from "../queries/meetings";
import { loadPeriod } from "../queries/periods";

/**
 * Council meetings (docs/architecture.md): planned by the chair, started and ended; each agenda dossier has a live
 * document, which the commands hold and read through `documents` (ports/meetingDocuments.ts).
 */
export function meetingRoutes(ctx: AppContext, documents: MeetingDocuments): Router {
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
    const { meeting } = await execute(ctx.effects, createMeeting({ db, actor, periodId: period.id, input }));
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
    const { meeting } = await execute(ctx.effects, startMeeting({ db, actor, meetingId: row.id, documents }));
    res.json(await present(meeting, actor));
  });

  router.post("/meetings/:meetingId/end", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await loadMeeting(db, idParam(req.params.meetingId));
    authorize(actor, "end", resource);
    const { meeting } = await execute(ctx.effects, endMeeting({ db, actor, meetingId: row.id, documents }));
    res.json(await present(meeting, actor));
  });

  router.post("/meetings/:meetingId/focus", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await loadMeeting(db, idParam(req.params.meetingId));
    authorize(actor, "focus", resource);
    const input = validate(ZMeetingFocusInput, req.body);
    const { meeting } = await execute(ctx.effects, moveMeetingFocus({ db, actor, meeting: row, input }));
    res.json(await present(meeting, actor));
  });

  router.get("/meetings/:meetingId/dossiers/:dossierId/projection", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await meetingDossier(req.params.meetingId, req.params.dossierId);
    authorize(actor, "viewDocument", resource);
    res.json({ data: await projectionOf(row.id, resource.dossier!, actor, localeOf(req)) });
  });

  // The documented form (docs/api.md): the dossier in the body.
  router.post("/meetings/:meetingId/lock", async (req, res) => {
    const actor = actorOf(req);
    const { dossierId, codes } = validate(ZMeetingLock, req.body ?? {});
    res.json({ data: await lock(actor, localeOf(req), req.params.meetingId, dossierId, codes) });
  });

  // The same, with the dossier in the path (what the product's own screens call).
  router.post("/meetings/:meetingId/dossiers/:dossierId/lock", async (req, res) => {
    const actor = actorOf(req);
    const { codes } = validate(ZMeetingLockInput, req.body ?? {});
    res.json({ data: await lock(actor, localeOf(req), req.params.meetingId, req.params.dossierId, codes) });
  });

  /** Locks leaves of an agenda dossier (all of them without `codes`): proposals become agreed scores. */
  const lock = async (
    actor: Express.User,
    locale: Locale,
    meetingId: unknown,
    dossierIdParam: unknown,
    codes?: string[],
  ) => {
    const { row, resource } = await meetingDossier(meetingId, dossierIdParam);
    authorize(actor, "lock", resource);
    const dossierId = resource.dossier!.id;
    await execute(
      ctx.effects,
      lockMeetingDossier({ db, actor, meetingId: row.id, dossierId, codes, documents }),
    );
    return projectionOf(row.id, resource.dossier!, actor, locale);
  };

  router.get("/meetings/:meetingId/dossiers/:dossierId/snapshots", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await meetingDossier(req.params.meetingId, req.params.dossierId);
    authorize(actor, "viewDocument", resource);
    const rows = await listSnapshots(db, row.id, resource.dossier!.id);
    res.json({
      data: rows.map((r) => ({
        id: r.id,
        label: r.label,
        createdAt: r.createdAt.toISOString(),
        bytes: r.bytes,
      })),
    });
  });

  router.get("/meetings/:meetingId/dossiers/:dossierId/snapshots/:snapshotId", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await meetingDossier(req.params.meetingId, req.params.dossierId);
    authorize(actor, "viewDocument", resource);
    const snapshot = await loadSnapshot(db, row.id, resource.dossier!.id, idParam(req.params.snapshotId));
    const state = await loadDossierState(db, resource.dossier!.id);
    const viewer = viewerClassOf(actor, resource.dossier!);
    res.json({ data: redact(SNAPSHOT, presentSnapshot(snapshot, state.userName), viewer, state.status) });
  });

  /** A meeting with one of its agenda dossiers as the policy sees it; 404 when the dossier is not on the agenda. */
  const meetingDossier = async (meetingId: unknown, dossierId: unknown) => {
    const { row } = await loadMeeting(db, idParam(meetingId));
    const id = idParam(dossierId);
    if (!(await isOnAgenda(db, row.id, id))) throw new AppError("not_found");
    const { resource: dossier } = await loadDossier(db, id);
    return { row, resource: toMeetingResource(row, dossier) };
  };

  /** The dossier's projection in the meeting, as the viewer may see it (docs/visibility.md, PROJECTION). */
  const projectionOf = async (meetingId: string, dossier: DossierResource, actor: Actor, locale: Locale) => {
    const state = await loadDossierState(db, dossier.id);
    const projection = await documents.projection(meetingId, dossier.id);
    return redact(
      PROJECTION,
      presentProjection(meetingId, state, projection, locale),
      viewerClassOf(actor, dossier),
      state.status,
    );
  };

  return router;
}
