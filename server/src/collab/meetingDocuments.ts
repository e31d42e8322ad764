import type { Db } from "../db/client";
import type { MeetingDocuments } from "../ports/meetingDocuments";
import type { CollabServer } from "./collabEndpoint";
import { readStoredProjection } from "./meetingProjections";

const NOTHING_LIVE: ReadonlyMap<string, Uint8Array> = new Map();

/**
 * The meeting documents port (ports/meetingDocuments.ts) over this server's Yjs endpoint; without one (an app built
 * with no HTTP server, a script) over the stored documents alone, with nothing in memory to hold or wait for.
 */
export function meetingDocuments(db: Db, collab?: CollabServer): MeetingDocuments {
  if (!collab)
    return {
      hold: (_rooms, fn) => fn(NOTHING_LIVE),
      liveStates: () => NOTHING_LIVE,
      projection: (meetingId, dossierId) => readStoredProjection(db, meetingId, dossierId),
    };
  return {
    // Held before the flush: an edit arriving meanwhile is dropped, not written after the state was read.
    hold: (rooms, fn) =>
      collab.holdEdits(rooms, async () => {
        await collab.flush(rooms);
        return fn(collab.liveStates(rooms));
      }),
    liveStates: (rooms) => collab.liveStates(rooms),
    projection: (meetingId, dossierId) => collab.projections.read(meetingId, dossierId),
  };
}
