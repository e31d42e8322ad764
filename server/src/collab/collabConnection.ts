import type { WebSocket } from "ws";

/** One client's WebSocket on one document, with what it may do there. */
export interface CollabConnection {
  ws: WebSocket;
  user: Express.User;
  docName: string;
  meetingId: string;
  dossierId: string;
  /** "view": its sync step 2 and update messages are dropped, never applied nor broadcast (docs/targets.md S4). */
  mode: "edit" | "view";
  /** The awareness client ids this connection speaks for; it may set no other's presence. */
  controlled: Set<number>;
  alive: boolean;
  /** Document updates received and dropped (view-only, or edits held). */
  dropped: number;
}
