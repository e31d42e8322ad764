/**
 * The bare peer of P2 (tests/bench/peers.bench.ts): a Socket.IO server with the product's options that matter to a
 * broadcast (path, connection-state recovery) and nothing else — no session, no authorization of the join, no
 * ranking. `POST /payload` stores the payload to send (the bench gives it the product's own last `ranking:update`);
 * `POST /emit?room=…` emits it to the room once and answers 204; `GET /stats` gives this process's CPU time.
 */
import http from "node:http";
import { Server } from "socket.io";

let payload = null;
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://peer");
  if (url.pathname === "/stats") {
    const cpu = process.cpuUsage();
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, statements: 0 }));
    return;
  }
  if (req.method === "POST" && url.pathname === "/payload") {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      payload = JSON.parse(body);
      res.writeHead(204).end();
    });
    return;
  }
  if (req.method === "POST" && url.pathname === "/emit") {
    io.to(url.searchParams.get("room") ?? "").emit("ranking:update", payload);
    res.writeHead(204).end();
    return;
  }
  if (!url.pathname.startsWith("/socket.io")) res.writeHead(404).end();
});
const io = new Server(server, {
  path: "/socket.io",
  serveClient: false,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
});
io.on("connection", (socket) => {
  socket.on("join", (room, ack) => {
    void socket.join(String(room));
    if (typeof ack === "function") ack({ ok: true });
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1", () => console.log("ready"));
