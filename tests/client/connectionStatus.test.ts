import { ConnectionBoard, combineLinks } from "../../client/src/live/connectionBoard";
import { SyncConfirmations } from "../../client/src/collab/syncConfirmations";

describe("one connection status for every live link", () => {
  it("is connected only when every link is, and offline when the browser or any link is", () => {
    const up = { state: "connected", unsynced: 0 } as const;
    expect(combineLinks([up, up], true)).toEqual({ state: "connected", unsynced: 0 });
    expect(combineLinks([up, { state: "reconnecting", unsynced: 2 }], true)).toEqual({
      state: "reconnecting",
      unsynced: 2,
    });
    expect(
      combineLinks([up, { state: "offline", unsynced: 3 }, { state: "reconnecting", unsynced: 1 }], true),
    ).toEqual({ state: "offline", unsynced: 4 });
    // A socket that still says connected while the browser has no network is not "connected".
    expect(combineLinks([up], false).state).toBe("offline");
  });

  it("says connected again as soon as the link that was down reports back, and resolves waiters once synced", async () => {
    let online = true;
    const board = new ConnectionBoard(() => online);
    const socket = {};
    const doc = {};
    board.report(socket, { state: "connected", unsynced: 0 });
    board.report(doc, { state: "connected", unsynced: 0 });
    online = false;
    board.report(doc, { state: "offline", unsynced: 2 });
    expect(board.getSummary()).toEqual({ state: "offline", unsynced: 2 });
    let synced = false;
    const waiting = board.whenSynced().then(() => (synced = true));
    online = true;
    board.recompute();
    expect(board.getSummary().state).toBe("offline"); // the document has not reported back yet
    board.report(doc, { state: "connected", unsynced: 0 });
    expect(board.getSummary()).toEqual({ state: "connected", unsynced: 0 });
    await waiting;
    expect(synced).toBe(true);
    board.remove(doc);
    board.remove(socket);
    expect(board.getSummary().state).toBe("connecting");
  });
});

describe("confirming a shared document's edits", () => {
  it("counts edits until the reply to a step 1 sent after them arrives", () => {
    const c = new SyncConfirmations();
    c.newSocket(); // the provider's own step 1 is in flight
    c.localEdit(true);
    c.localEdit(true);
    expect(c.unsynced).toBe(2);
    expect(c.needsProbe()).toBe(true);
    // The reply to the provider's first step 1 confirms nothing sent after it.
    c.replyArrived();
    expect(c.unsynced).toBe(2);
    c.probeSent();
    expect(c.needsProbe()).toBe(false);
    c.localEdit(true);
    c.replyArrived();
    expect(c.unsynced).toBe(1);
    expect(c.needsProbe()).toBe(true);
    c.probeSent();
    c.replyArrived();
    expect(c.unsynced).toBe(0);
  });

  it("keeps offline edits unconfirmed until they have been sent in answer to the server's step 1", () => {
    const c = new SyncConfirmations();
    c.newSocket();
    c.replyArrived();
    c.localEdit(false);
    c.localEdit(false);
    c.localEdit(false);
    expect(c.unsynced).toBe(3);
    c.newSocket();
    expect(c.needsProbe()).toBe(false); // not on this socket yet
    c.replyArrived(); // the provider's step 1: sent before the offline edits
    expect(c.unsynced).toBe(3);
    c.offlineEditsSent();
    expect(c.needsProbe()).toBe(true);
    c.probeSent();
    c.replyArrived();
    expect(c.unsynced).toBe(0);
  });

  it("forgets what a socket that closed had in flight", () => {
    const c = new SyncConfirmations();
    c.newSocket();
    c.replyArrived();
    c.localEdit(true);
    c.probeSent();
    // The socket dies before the reply: the edit may never have arrived.
    c.newSocket();
    c.replyArrived();
    expect(c.unsynced).toBe(1);
    c.offlineEditsSent();
    c.probeSent();
    c.replyArrived();
    expect(c.unsynced).toBe(0);
  });
});
