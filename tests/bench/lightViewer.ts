import { WebSocket } from "ws";

/**
 * A light dashboard socket for load generation: speaks just enough of Engine.IO 4 / Socket.IO 5 over a raw
 * WebSocket to connect with the session cookie, join a room through the app's `join` event and answer pings, and
 * timestamps each `ranking:update` as its frame arrives, without parsing it. A thousand socket.io-client instances
 * in one process spend that process's CPU decoding every ranking payload one after the other, so their receipt
 * times measure the load generator's queue more than the server's fan-out (docs/targets.md P2, P5); these measure the
 * fan-out. The server sees the same sockets either way (P6 is unchanged).
 */
export interface LightViewer {
  /** Called for every `ranking:update` frame, with performance.now() at receipt and the frame's size in bytes. */
  onRanking: (at: number, bytes: number) => void;
  close(): void;
}

const EVENT_PREFIX = Buffer.from('42["ranking:update"');

export function lightViewer(
  baseUrl: string,
  session: { cookie: string; origin: string },
  room: string,
): Promise<LightViewer> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, {
    headers: { Origin: session.origin, Cookie: session.cookie },
  });
  const viewer: LightViewer = { onRanking: () => undefined, close: () => ws.terminate() };
  return new Promise((resolve, reject) => {
    let joined = false;
    ws.on("error", reject);
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      if (joined) {
        // Checked on the frame's first bytes only: the payload (every ranking row) is not decoded.
        if (data.length >= EVENT_PREFIX.length && data.subarray(0, EVENT_PREFIX.length).equals(EVENT_PREFIX))
          viewer.onRanking(performance.now(), data.length);
        else if (data.length === 1 && data[0] === 0x32) ws.send("3"); // ping → pong
        return;
      }
      const text = data.toString();
      if (text.startsWith("0{"))
        ws.send("40"); // Engine.IO open → Socket.IO connect to "/"
      else if (text.startsWith("40"))
        ws.send(`420${JSON.stringify(["join", room])}`); // join, ack id 0
      else if (text.startsWith("44")) reject(new Error(`connect refused: ${text}`));
      else if (text === "2") ws.send("3");
      else if (text.startsWith("430")) {
        const [reply] = JSON.parse(text.slice(3)) as [{ ok: boolean; error?: string }];
        if (!reply.ok) return reject(new Error(`join ${room}: ${reply.error}`));
        joined = true;
        resolve(viewer);
      }
    });
  });
}
