/**
 * The shared Yjs document of one dossier in one meeting (docs/architecture.md "Real time"): its room name, the close codes of
 * the `/collab` endpoint, and the document layout with its helpers. Pure: runs in the browser and in Node.
 */
import * as Y from "yjs";
import { YKeyValue } from "y-utility/y-keyvalue";
import type { Figures } from "./scoring/kinds/types";
import type { ScoreProblem, ScoreProblemVars } from "./scoring/scoreProblems";

/**
 * The longest wait between reconnection attempts the app's providers use (`maxBackoffTime`): after a server
 * restart, clients are back within about a second of it being ready (docs/targets.md R1: within 5 s).
 */
export const COLLAB_RECONNECT_MAX_MS = 1_000;

/** Where the y-websocket endpoint listens: `new WebsocketProvider(origin + COLLAB_PATH, room, doc)`. */
export const COLLAB_PATH = "/collab";

/** The room (and document name) of a dossier's document in a meeting: `meeting-<meetingId>-dossier-<dossierId>`. */
export function collabRoom(meetingId: string, dossierId: string): string {
  return `meeting-${meetingId}-dossier-${dossierId}`;
}

// Ids are UUIDs in PostgreSQL's text form. A plain pattern rather than the zod schema: this module is loaded by
// the meeting page, which need not pull the whole schema library in for one check.
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const ROOM = new RegExp(`^meeting-(${UUID})-dossier-(${UUID})$`);

/** The meeting and dossier of a room name, or null when it is not one (ids must be UUIDs). */
export function parseCollabRoom(room: string): { meetingId: string; dossierId: string } | null {
  const m = ROOM.exec(room);
  return m ? { meetingId: m[1].toLowerCase(), dossierId: m[2].toLowerCase() } : null;
}

/**
 * WebSocket close codes of `/collab`. The stock `WebsocketProvider` treats 4400–4499 as final (it stops
 * reconnecting and emits `closed`), so every refusal that reconnecting cannot fix is in that range; 4503 and
 * 1001 are transient and the provider reconnects by itself.
 */
export const COLLAB_CLOSE = {
  /** A message that is not the y-websocket protocol, or an update Yjs cannot decode. */
  badMessage: 4400,
  /** No valid session (signed out, expired, disabled account). */
  unauthenticated: 4401,
  /** Signed in, but no right to read this document. */
  forbidden: 4403,
  /** No such meeting, or the dossier is not on its agenda. */
  notFound: 4404,
  /** A council member with a conflict of interest on the dossier: recused, must not even read (S3). */
  recused: 4409,
  /**
   * The session this connection was opened with has ended while it was open (sign-out, idle or absolute expiry,
   * account disabled, password reset): sign in again. The reason (SessionEndReason) is the close reason.
   */
  sessionEnded: 4440,
  /** The server could not load or save the document just now (database unreachable): reconnect later. */
  unavailable: 4503,
  /** The server is shutting down or restarting: reconnect. */
  goingAway: 1001,
} as const;
export type CollabCloseCode = (typeof COLLAB_CLOSE)[keyof typeof COLLAB_CLOSE];

/** The HTTP status that matches each close code, for refusals answered before the upgrade. */
export const COLLAB_CLOSE_STATUS: Record<CollabCloseCode, number> = {
  4400: 400,
  4401: 401,
  4403: 403,
  4404: 404,
  4409: 403,
  4440: 401,
  4503: 503,
  1001: 503,
};

/**
 * A proposed score adjustment for one leaf: hundredths of a point, who proposed it and when (ISO 8601). On a leaf
 * of another kind than `points` it carries the level or the figures proposed, and `score` must be the points the
 * leaf derives from them (the server judges it so; docs/scoring-kinds.md).
 */
export interface TAdjustment {
  score: number;
  by: string;
  at: string;
  level?: string;
  /** Hundredths of the figures' unit, as stored. */
  figures?: Figures;
  /**
   * The proposal this one replaced as its author saw it (`proposalKey`), absent when the leaf had none. The server
   * tells from it a replacement from a concurrent proposal (made offline, or at the same moment): of those, the
   * later by `at` is kept (docs/api.md, "Yjs: the meeting document").
   */
  over?: string;
}

/** The names of the document's top-level types. */
export const COLLAB_DOC = {
  /** YKeyValue (over a Y.Array) of leaf code → TAdjustment. */
  adjustments: "adjustments",
  /** Y.Map of leaf code → Y.Text: the council's deliberation notes per leaf. */
  notes: "notes",
  /** Y.XmlFragment: the meeting minutes (rich text). */
  minutes: "minutes",
  /**
   * Y.Map of leaf code → TLeafReview, written by the server only (its writes from clients are reverted): a
   * refused proposal and why, or the agreed score of a locked leaf. Clients show it; they never write it.
   */
  review: "review",
} as const;

/**
 * The server's verdict on a leaf, kept in the document so that every client shows the same thing. An invalid
 * verdict names the proposal it judged (`proposal`: by|at|score), so that a verdict only the sending connection
 * could give (someone proposing in another member's name) still holds when the document is read back later.
 */
export type TLeafReview =
  | { state: "invalid"; problem: ScoreProblem; vars: ScoreProblemVars; at: string; proposal?: string }
  | { state: "locked"; score: number; at: string };

/** Names one proposal exactly (see TLeafReview). */
export const proposalKey = (a: TAdjustment): string =>
  `${a.by}|${a.at}|${a.score}` +
  (a.level !== undefined ? `|${a.level}` : "") +
  (a.figures !== undefined ? `|${JSON.stringify(a.figures)}` : "");

const isCount = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
/** Figures of the stored shape: {value} or {numerator, denominator}, whole hundredths, nothing else. */
function isFigures(f: unknown): f is Figures {
  if (!f || typeof f !== "object") return false;
  const keys = Object.keys(f).sort().join(",");
  const v = f as Record<string, unknown>;
  if (keys === "value") return isCount(v.value);
  return keys === "denominator,numerator" && isCount(v.numerator) && isCount(v.denominator);
}

/** A dossier's meeting document, opened with its typed parts. */
export interface MeetingDocument {
  doc: Y.Doc;
  /**
   * Adjustments keyed by leaf code. A YKeyValue, not a Y.Map: a Y.Map keeps every overwritten value of a key in
   * the document forever, while YKeyValue deletes the entries it overwrites so Yjs can garbage-collect them
   * (docs/targets.md: ≤ 200 KiB after 150 leaves × 30 overwrites).
   */
  adjustments: YKeyValue<TAdjustment>;
  notes: Y.Map<Y.Text>;
  minutes: Y.XmlFragment;
  review: Y.Map<TLeafReview>;
}

/** Opens the layout on a Y.Doc (creating nothing in the document until something is written). */
export function openMeetingDocument(doc: Y.Doc): MeetingDocument {
  return {
    doc,
    adjustments: new YKeyValue<TAdjustment>(doc.getArray(COLLAB_DOC.adjustments)),
    notes: doc.getMap<Y.Text>(COLLAB_DOC.notes),
    minutes: doc.getXmlFragment(COLLAB_DOC.minutes),
    review: doc.getMap<TLeafReview>(COLLAB_DOC.review),
  };
}

/** True when a value has the shape of an adjustment (the server's projection still checks range, step and author). */
export function isAdjustment(value: unknown): value is TAdjustment {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(v.score) &&
    typeof v.by === "string" &&
    typeof v.at === "string" &&
    !Number.isNaN(Date.parse(v.at)) &&
    (v.level === undefined || typeof v.level === "string") &&
    (v.figures === undefined || isFigures(v.figures)) &&
    (v.over === undefined || typeof v.over === "string")
  );
}

/**
 * Proposes an adjustment for a leaf: the author's latest replaces the proposal they saw, noted in `over`; of two
 * made without seeing each other, the server keeps the later (`keepsReplaced`).
 */
export function setAdjustment(md: MeetingDocument, code: string, adjustment: TAdjustment): void {
  const seen = md.adjustments.get(code);
  const { over: _over, ...fresh } = adjustment;
  md.adjustments.set(code, seen && isAdjustment(seen) ? { ...fresh, over: proposalKey(seen) } : fresh);
}

/**
 * Whether the server keeps `replaced` over the proposal that just displaced it: when the new one's author had not
 * seen it (it names another proposal, or none, in `over`) and it was made earlier. Yjs orders concurrent pairs by
 * client id, not time, so without this an offline member's older proposal could silently replace a newer one.
 */
export function keepsReplaced(replaced: unknown, incoming: unknown): boolean {
  if (!isAdjustment(replaced) || !isAdjustment(incoming)) return false;
  if (incoming.over === proposalKey(replaced)) return false;
  return Date.parse(replaced.at) > Date.parse(incoming.at);
}

/** Withdraws the adjustment of a leaf. */
export function clearAdjustment(md: MeetingDocument, code: string): void {
  md.adjustments.delete(code);
}

/** Every current adjustment, by leaf code; entries of the wrong shape are left out. */
export function readAdjustments(md: MeetingDocument): Map<string, TAdjustment> {
  const out = new Map<string, TAdjustment>();
  for (const [code, entry] of md.adjustments.map) if (isAdjustment(entry.val)) out.set(code, entry.val);
  return out;
}

/**
 * The notes text of a leaf, or undefined. Clients never create these: when two clients create the Y.Text of the
 * same key at once, one creation wins and whatever was typed into the other is lost. The server creates one per
 * leaf when it first loads the document (see `ensureNoteTexts`), before any client is synced.
 */
export function noteText(md: MeetingDocument, code: string): Y.Text | undefined {
  return md.notes.get(code);
}

/** Creates the missing notes texts for the given leaf codes, in one transaction; returns how many were created. */
export function ensureNoteTexts(doc: Y.Doc, codes: readonly string[], origin?: unknown): number {
  const notes = doc.getMap<Y.Text>(COLLAB_DOC.notes);
  const missing = codes.filter((c) => !(notes.get(c) instanceof Y.Text));
  if (missing.length) doc.transact(() => missing.forEach((c) => notes.set(c, new Y.Text())), origin);
  return missing.length;
}

/**
 * What a client publishes in its awareness state (presence). `userId` is stamped by the server from the session,
 * so presence cannot be forged; the rest is the client's own.
 */
export interface TCollabPresence {
  userId?: string;
  name?: string;
  /** The leaf the user is looking at. */
  focus?: string | null;
}
