/** Socket.IO clients signed in with a test agent's session, recording every event they receive. */
import { io as connect, type Socket } from "socket.io-client";
import { TEST_ORIGIN, type TestApp } from "./testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

export interface Received {
  event: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface LiveClient {
  socket: Socket;
  /** Every server event received so far, in order. */
  events: Received[];
  join(room: string): Promise<{ ok: boolean; error?: string }>;
  /** Resolves with the first event (already received or to come) that matches, or rejects after `timeoutMs`. */
  waitFor(
    event: string,
    match?: (p: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Received>;
  close(): void;
}

/** The session cookie of a supertest agent, as a Cookie header. */
export function cookieOf(agent: Agent): string {
  const jar = (agent as unknown as { jar: { getCookies: (o: object) => { toValueString(): string }[] } }).jar;
  return jar
    .getCookies({ domain: "127.0.0.1", path: "/", secure: false, script: false })
    .map((c) => c.toValueString())
    .join("; ");
}

/** Connects over WebSocket with the agent's session and the allowed Origin; resolves once connected. */
export async function liveClient(app: TestApp, agent: Agent): Promise<LiveClient> {
  const socket = connect(app.baseUrl, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { Cookie: cookieOf(agent), Origin: TEST_ORIGIN },
  });
  const events: Received[] = [];
  const waiters: {
    event: string;
    match: (p: Record<string, unknown>) => boolean;
    resolve: (r: Received) => void;
  }[] = [];
  socket.onAny((event: string, payload: Record<string, unknown>) => {
    const r = { event, payload, at: Date.now() };
    events.push(r);
    for (const w of [...waiters]) {
      if (w.event === event && w.match(payload)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(r);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return {
    socket,
    events,
    join: (room) =>
      new Promise((resolve) => socket.emit("join", room, (r: { ok: boolean; error?: string }) => resolve(r))),
    waitFor(event, match = () => true, timeoutMs = 3000) {
      const seen = events.find((e) => e.event === event && match(e.payload));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = { event, match, resolve: (r: Received) => (clearTimeout(timer), resolve(r)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(
            new Error(
              `no ${event} within ${timeoutMs} ms; received: ${JSON.stringify(events.map((e) => e.event))}`,
            ),
          );
        }, timeoutMs);
        waiters.push(w);
      });
    },
    close: () => void socket.close(),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
