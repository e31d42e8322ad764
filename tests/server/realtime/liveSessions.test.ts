/**
 * The registry of live connections by session (server/src/realtime/liveSessions.ts, S11) with a store it is handed:
 * a session found gone is ended with the reason the ending instance gives when that word arrives a moment after
 * the read (a sign-out relayed through Redis), and as `ended` when no word comes.
 */
import pino from "pino";
import type { SessionEndReason } from "@ca/shared";
import { GONE_GRACE_MS, LiveSessions, SWEEP_INTERVAL_MS } from "@ca/server/src/realtime/liveSessions";
import { sleep } from "../../support/sockets";

function registry(stored: Map<string, number>) {
  const sessions = new LiveSessions({
    deadlines: async (sids) => new Map(sids.filter((s) => stored.has(s)).map((s) => [s, stored.get(s)!])),
    logger: pino({ level: "silent" }),
  });
  const ended: { sid: string; reason: SessionEndReason; at: number }[] = [];
  const open = (sid: string) =>
    sessions.track(sid, "user-1", { end: (reason) => ended.push({ sid, reason, at: Date.now() }) });
  return { sessions, ended, open };
}

describe("a session gone from the store", () => {
  it("ends with the reason its instance relays, when the read found it gone first (sign-out seen as 'ended' before)", async () => {
    const { sessions, ended, open } = registry(new Map());
    try {
      open("s1");
      // The sweep reads the store (the session already deleted by the sign-out on another instance)…
      await sleep(SWEEP_INTERVAL_MS * 2);
      expect(ended).toEqual([]);
      // …and the other instance's word arrives afterwards.
      sessions.endLocal({ sids: ["s1"] }, "logout");
      expect(ended.map((e) => e.reason)).toEqual(["logout"]);
      await sleep(GONE_GRACE_MS + SWEEP_INTERVAL_MS * 2);
      expect(ended.map((e) => e.reason)).toEqual(["logout"]);
    } finally {
      sessions.stop();
    }
  });

  it("ends as 'ended' when no instance says why, within the sweep and the grace", async () => {
    const { sessions, ended, open } = registry(new Map());
    try {
      const from = Date.now();
      open("s2");
      await sleep(GONE_GRACE_MS + SWEEP_INTERVAL_MS * 4);
      expect(ended.map((e) => e.reason)).toEqual(["ended"]);
      expect(ended[0].at - from).toBeLessThan(1_000);
    } finally {
      sessions.stop();
    }
  });

  it("keeps a session the store still holds", async () => {
    const { sessions, ended, open } = registry(new Map([["s3", Date.now() + 60_000]]));
    try {
      open("s3");
      await sleep(GONE_GRACE_MS + SWEEP_INTERVAL_MS * 4);
      expect(ended).toEqual([]);
    } finally {
      sessions.stop();
    }
  });
});
