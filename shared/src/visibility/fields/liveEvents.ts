/** The visibility rule (docs/visibility.md): The live events that name a dossier. */
import { rule, same, type FieldTable } from "../rule";
import { readers, council, listed, nullable } from "./vocabulary";
import { RANKING_ROW } from "./ranking";

/**
 * The live events that name a dossier (Socket.IO), one table each: a socket hears an event only when its viewer
 * class sees every field of it at the dossier's status, and `dossier:update` only when the viewer sees what
 * changed (`audienceOf`).
 */
export const LIVE_EVENTS: Readonly<Record<string, FieldTable>> = {
  "dossier:update": { name: "dossier:update", fields: same(["dossierId", "status", "version"], readers) },
  "comment:new:request": { name: "comment:new", fields: same(["dossierId", "commentId"], readers) },
  "comment:new:internal": { name: "comment:new", fields: same(["dossierId", "commentId"], council) },
  "comment:update": {
    name: "comment:update",
    fields: same(["dossierId", "commentId", "status"], readers),
  },
  "notification:new": {
    name: "notification:new",
    fields: same(["notificationId", "kind"], rule({ ownAgency: true })),
  },
  // The meeting room: its readers, the recused member included (they see the agenda and where the meeting is).
  "meeting:focus": {
    name: "meeting:focus",
    fields: same(["meetingId", "dossierId", "leafCode", "by", "at"], nullable(listed)),
  },
  // The council's live work on one dossier: never to a member recused on it.
  "meeting:projection": {
    name: "meeting:projection",
    fields: same(["meetingId", "dossierId", "at"], council),
  },
  "ranking:update": {
    name: "ranking:update",
    fields: {
      ...same(["periodId", "at"], listed),
      ...Object.fromEntries(Object.entries(RANKING_ROW.fields).map(([p, r]) => [`rows[].${p}`, r])),
    },
  },
};
