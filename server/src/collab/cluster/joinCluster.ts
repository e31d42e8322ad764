import type { Logger } from "pino";
import * as Y from "yjs";
import type { MeetingProjections } from "../meetingProjections";
import type { CollabCluster, RelayedDocument } from "./collabCluster";

/**
 * Connects this instance's projections to the others (docs/scaling.md): what this instance judges and locks is
 * announced; what the others announce updates its live ranking, its judge's locks and its connections' rights.
 */
export function joinCluster(
  cluster: CollabCluster,
  projections: MeetingProjections,
  local: {
    find: (docName: string) => RelayedDocument | undefined;
    reauthorizeDocuments: (docNames: string[]) => Promise<void>;
    onProposalsHeard?: (periodId: string) => void;
    logger: Logger;
  },
): void {
  projections.announce = (notice) => cluster.announce(notice);
  // A document held here while another instance judges it: read from memory, ahead of what is written.
  projections.heldState = (docName) => {
    const held = local.find(docName);
    return held && !held.destroyed && !cluster.leases.judging(docName)
      ? Y.encodeStateAsUpdate(held.doc)
      : undefined;
  };
  cluster.listen((notice) => {
    switch (notice.t) {
      case "proposals":
        projections.heard(notice);
        local.onProposalsHeard?.(notice.periodId);
        return;
      case "locked":
        projections.heard(notice);
        return;
      case "documents":
        void local
          .reauthorizeDocuments(notice.rooms)
          .catch((err) => local.logger.error({ err }, "collab: re-check failed"));
        return;
    }
  });
}
