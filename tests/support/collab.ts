/** Yjs clients for tests: the stock y-websocket provider over `ws`, signed in with a test agent's session. */
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { COLLAB_PATH, COLLAB_RECONNECT_MAX_MS, openMeetingDocument, type MeetingDocument } from "@ca/shared";
import { cookieOf } from "./sockets";
import { TEST_ORIGIN, type TestApp } from "./testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

/** A `ws` WebSocket class that sends these headers on its handshake (the provider only passes url and protocols). */
export function webSocketWith(headers: Record<string, string>): typeof WebSocket {
  class WithHeaders extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return WithHeaders as unknown as typeof WebSocket;
}

export const wsUrl = (app: TestApp) => app.baseUrl.replace(/^http/, "ws");

export interface CollabClient {
  doc: Y.Doc;
  md: MeetingDocument;
  provider: WebsocketProvider;
  /** Resolves once the provider has synced with the server. */
  synced: Promise<void>;
  /** Resolves with the close code the server gave, if it closed the connection for good (44xx). */
  closed: Promise<number>;
  destroy(): void;
}

/** The stock `WebsocketProvider`, unchanged, as a browser would use it (BroadcastChannel off: server only). */
export function collabClient(
  app: TestApp,
  agent: Agent | null,
  room: string,
  origin = TEST_ORIGIN,
): CollabClient {
  const doc = new Y.Doc();
  const headers: Record<string, string> = { Origin: origin };
  if (agent) headers.Cookie = cookieOf(agent);
  const provider = new WebsocketProvider(wsUrl(app) + COLLAB_PATH, room, doc, {
    WebSocketPolyfill: webSocketWith(headers) as never,
    disableBc: true,
    maxBackoffTime: COLLAB_RECONNECT_MAX_MS,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on("sync", (s: boolean) => s && resolve());
  });
  const closed = new Promise<number>((resolve) =>
    provider.on("closed", (e: { code: number }) => resolve(e.code)),
  );
  return {
    doc,
    md: openMeetingDocument(doc),
    provider,
    synced,
    closed,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until the check passes (or throws its last error after `timeoutMs`). */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 3000,
  stepMs = 20,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, stepMs));
    }
  }
}

/** A raw WebSocket to a collab path, recording messages, the close code, or the HTTP status of a refusal. */
export function rawSocket(app: TestApp, path: string, headers: Record<string, string>) {
  const ws = new WebSocket(wsUrl(app) + path, { headers });
  const messages: Uint8Array[] = [];
  ws.binaryType = "arraybuffer";
  ws.on("message", (data: ArrayBuffer) => messages.push(new Uint8Array(data)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  // Refusals are awaited through `outcome`; a test that only awaits that must not see `opened` reject unhandled.
  opened.catch(() => undefined);
  const outcome = new Promise<{ closeCode?: number; status?: number }>((resolve) => {
    ws.on("close", (code) => resolve({ closeCode: code }));
    ws.on("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode });
      res.resume();
      ws.terminate();
    });
    ws.on("error", () => undefined);
  });
  return { ws, messages, opened, outcome };
}
