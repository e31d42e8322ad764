import { COUNCIL_ROLES } from "../roles";
import { isRecused } from "./dossier";
import { allow } from "./rules";
import type { Actor, MeetingResource, PolicyTable } from "./types";

type When = (actor: Actor, m: MeetingResource) => boolean;

const inStatus =
  (...statuses: NonNullable<MeetingResource["status"]>[]): When =>
  (_a, m) =>
    m.status !== null && statuses.includes(m.status);
// Per-dossier actions need the agenda item; a council member with a conflict of interest on it is recused (§1).
const onDossier: When = (_a, m) => m.dossier !== undefined;
const notRecused: When = (a, m) => m.dossier !== undefined && !isRecused(a, m.dossier);
const all =
  (...preds: When[]): When =>
  (a, m) =>
    preds.every((p) => p(a, m));

/**
 * The council meeting of step 9 (docs/domain.md §2, §4). The chair (or the admin) plans, starts, ends it and locks agreed
 * scores; the council side edits the dossier's shared document only while the meeting runs and only where not
 * recused; leadership and the admin watch. Agencies have no part in it before publication.
 */
export const meetingPolicy = {
  read: [allow<MeetingResource>(["admin", "leadership", ...COUNCIL_ROLES])],
  create: [allow<MeetingResource>(["admin", "council_chair"])],
  start: [allow<MeetingResource>(["admin", "council_chair"], inStatus("planned"))],
  end: [allow<MeetingResource>(["admin", "council_chair"], inStatus("running"))],
  /** The meeting tracker: the chair (or admin) moves everyone's screen to a dossier and leaf. */
  focus: [allow<MeetingResource>(["admin", "council_chair"], inStatus("running"))],
  /** Copies a dossier's adjustments into the agreed scores (a decision on that dossier: the chair must not be recused). */
  lock: [
    allow<MeetingResource>(["admin"], all(inStatus("running"), onDossier)),
    allow<MeetingResource>(["council_chair"], all(inStatus("running"), notRecused)),
  ],
  /** Reading a dossier's shared document (adjustments, notes, minutes): recused members must not even read it (S3). */
  viewDocument: [
    allow<MeetingResource>(["admin", "leadership"], onDossier),
    allow<MeetingResource>(COUNCIL_ROLES, notRecused),
  ],
  /** Writing to it: the council side, not recused, while the meeting runs; everyone else is read-only (S4). */
  editDocument: [allow<MeetingResource>(COUNCIL_ROLES, all(inStatus("running"), notRecused))],
} satisfies PolicyTable<MeetingResource>;
