import { and, eq, inArray } from "drizzle-orm";
import type { Logger } from "pino";
import * as Y from "yjs";
import { collabRoom } from "@ca/shared";
import type { Db } from "../db/client";
import { meetingAgenda, meetings } from "../db/schema";
import type { EventSink } from "../events/domainEvents";
import type { ClusterNotice } from "./cluster/collabCluster";
import { loadProjectionContext } from "../queries/projectionContext";
import { DossierProjection } from "./dossierProjection";
import { loadDocumentUpdates } from "./persistence";

const SCRATCH = Symbol("scratch");

/**
 * Every meeting document's projection in this server: the live ones (documents in memory) and, for the ranking,
 * the provisional scores of every dossier of every running meeting — kept after a document is freed, since a
 * document changes only while it is in memory here. Documents never loaded in this process are read once from
 * the database when the ranking first needs them.
 */
export class MeetingProjections {
  private readonly live = new Map<string, DossierProjection>();
  /** dossierId → its meeting and valid proposals. */
  private readonly overlays = new Map<
    string,
    { meetingId: string; proposals: ReadonlyMap<string, number> }
  >();
  /** With several instances: tells the others what this one judged and locked (docs/scaling.md). */
  announce: (notice: ClusterNotice) => void = () => undefined;
  /** The in-memory state of a document this instance holds without judging it (another instance judges). */
  heldState: (docName: string) => Uint8Array | undefined = () => undefined;

  constructor(
    private readonly db: Db,
    private readonly effects: EventSink,
    private readonly logger: Logger,
  ) {}

  /** Starts projecting a document just loaded (before any client syncs). */
  async attach(doc: Y.Doc, docName: string, meetingId: string, dossierId: string, serverOrigin: symbol) {
    const { ctx } = await loadProjectionContext(this.db, meetingId, dossierId);
    const announce = () =>
      this.announce({
        t: "proposals",
        meetingId,
        dossierId,
        periodId: ctx.periodId,
        proposals: [...projection.proposals],
      });
    const projection = new DossierProjection(doc, ctx, serverOrigin, () => {
      this.overlays.set(dossierId, { meetingId, proposals: new Map(projection.proposals) });
      announce();
      void this.effects.dispatch([
        { type: "proposalsChanged", periodId: ctx.periodId },
        { type: "meetingProjectionMoved", meetingId, dossierId },
      ]);
    });
    this.live.get(docName)?.detach();
    this.live.set(docName, projection);
    this.overlays.set(dossierId, { meetingId, proposals: new Map(projection.proposals) });
    // A judge taking over says what it counts, in case its predecessor died before saying it.
    announce();
  }

  /**
   * What another instance judged or locked: its proposals replace what this one remembered of the dossier (the
   * caller drops the cached ranking); a lock is marked by the live projection, if this instance judges.
   */
  heard(notice: Exclude<ClusterNotice, { t: "documents" }>): void {
    if (notice.t === "proposals") {
      if (this.liveOf(notice.meetingId, notice.dossierId)) return;
      this.overlays.set(notice.dossierId, {
        meetingId: notice.meetingId,
        proposals: new Map(notice.proposals),
      });
      return;
    }
    this.lockedHere(notice.meetingId, notice.dossierId, new Map(notice.agreed));
  }

  /** The document was freed: its last proposals stay in the overlay. */
  detach(docName: string): void {
    this.live.get(docName)?.detach();
    this.live.delete(docName);
  }

  /** The live projection of a document, if it is in memory. */
  liveOf(meetingId: string, dossierId: string): DossierProjection | undefined {
    return this.live.get(collabRoom(meetingId, dossierId));
  }

  /**
   * A dossier's projection whether or not its document is in memory: the live one, else one built from the
   * stored document on a scratch Y.Doc (its verdicts are not written back: the live document does that).
   */
  async read(meetingId: string, dossierId: string): Promise<DossierProjection> {
    const live = this.liveOf(meetingId, dossierId);
    if (live) return live;
    const held = this.heldState(collabRoom(meetingId, dossierId));
    return readStoredProjection(this.db, meetingId, dossierId, held);
  }

  /**
   * Who may propose changed (a recusal, an account disabled or given other roles): live documents judge their
   * proposals again against the new proposers; the others are read again from storage when next needed.
   */
  async refreshProposers(): Promise<void> {
    for (const [dossierId, overlay] of [...this.overlays])
      if (!this.liveOf(overlay.meetingId, dossierId)) this.overlays.delete(dossierId);
    for (const projection of [...this.live.values()]) {
      const { meetingId, dossierId } = projection.ctx;
      const { ctx } = await loadProjectionContext(this.db, meetingId, dossierId);
      projection.setProposers(ctx.proposers);
    }
  }

  /** A lock changed a dossier's agreed leaves: the live projection marks them; a stored one is re-read later. */
  locked(meetingId: string, dossierId: string, agreed: Map<string, number>): void {
    this.lockedHere(meetingId, dossierId, agreed);
    this.announce({ t: "locked", meetingId, dossierId, agreed: [...agreed] });
  }

  private lockedHere(meetingId: string, dossierId: string, agreed: Map<string, number>): void {
    const live = this.liveOf(meetingId, dossierId);
    if (live) live.lock(agreed);
    else this.overlays.delete(dossierId);
  }

  /**
   * The valid proposals of every dossier on the agenda of a running meeting of the period: what the provisional
   * ranking counts on top of the official scores. Proposals of meetings not running (planned, ended) do not count.
   */
  async proposalsOfPeriod(periodId: string): Promise<Map<string, ReadonlyMap<string, number>>> {
    const rows = await this.db
      .select({ meetingId: meetingAgenda.meetingId, dossierId: meetingAgenda.dossierId })
      .from(meetingAgenda)
      .innerJoin(meetings, eq(meetings.id, meetingAgenda.meetingId))
      .where(and(eq(meetings.periodId, periodId), inArray(meetings.status, ["running"])));
    const out = new Map<string, ReadonlyMap<string, number>>();
    for (const { meetingId, dossierId } of rows) {
      let overlay = this.overlays.get(dossierId);
      if (!overlay || overlay.meetingId !== meetingId) {
        try {
          const projection = await this.read(meetingId, dossierId);
          overlay = { meetingId, proposals: new Map(projection.proposals) };
          this.overlays.set(dossierId, overlay);
        } catch (err) {
          this.logger.warn({ err, meetingId, dossierId }, "collab: could not read a meeting document");
          continue;
        }
      }
      if (overlay.proposals.size) out.set(dossierId, overlay.proposals);
    }
    return out;
  }
}

/** A dossier's projection built from its stored document on a scratch Y.Doc (nothing is written back). */
export async function readStoredProjection(
  db: Db,
  meetingId: string,
  dossierId: string,
  /** The in-memory state of the document, ahead of the stored one by the writes in flight, when held here. */
  held?: Uint8Array,
): Promise<DossierProjection> {
  const doc = new Y.Doc();
  const updates = held ? [held] : await loadDocumentUpdates(db, collabRoom(meetingId, dossierId));
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)), SCRATCH);
  const { ctx } = await loadProjectionContext(db, meetingId, dossierId);
  const projection = new DossierProjection(doc, ctx, SCRATCH, () => undefined);
  projection.detach();
  return projection;
}
