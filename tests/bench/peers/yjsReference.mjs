/**
 * The bare peer of P1 (tests/bench/peers.bench.ts): the reference Yjs server of `@y/websocket-server`, wired exactly
 * as its own `server.js` wires it (one `ws` server, `setupWSConnection` per connection, documents in memory, no
 * persistence, no authentication), plus `GET /stats` with this process's CPU time so the bench can put CPU per edit
 * beside the product's. Run with plain node: PORT, HOST.
 */
import http from "node:http";
import { WebSocketServer } from "ws";
import { setupWSConnection } from "@y/websocket-server/utils";

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((req, res) => {
  if (req.url === "/stats") {
    const cpu = process.cpuUsage();
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, statements: 0 }));
    return;
  }
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("okay");
});
wss.on("connection", setupWSConnection);
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1", () => console.log("ready"));
