import type { AppContext } from "../context";
import type { CollabServer } from "./collabEndpoint";

// The routes are built (app.ts) before the HTTP server and its Yjs endpoint exist (server.ts); they find the
// endpoint here, per app context, when a request needs it. Scripts and tests without a server simply have none.
const servers = new WeakMap<AppContext, CollabServer>();

/** Records the Yjs endpoint of an app. */
export function registerCollab(ctx: AppContext, collab: CollabServer): void {
  servers.set(ctx, collab);
}

/** The Yjs endpoint of an app, if its HTTP server has one. */
export function collabOf(ctx: AppContext): CollabServer | undefined {
  return servers.get(ctx);
}
