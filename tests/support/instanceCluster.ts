/**
 * Several real server processes on one PostgreSQL database and one Redis, behind Debian's nginx with the shipped
 * configuration (tests/support/nginxProxy.ts), for the multi-instance tests (docs/scaling.md). Clients reach the
 * instances only through nginx; each WebSocket records which instance nginx chose (X-Upstream).
 */
import { createClient } from "redis";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { COLLAB_PATH, COLLAB_RECONNECT_MAX_MS, openMeetingDocument } from "@ca/shared";
import { openPostgres, type Database } from "@ca/server/src/db/client";
import { LOCAL_POSTGRES, scratchDatabase, type YClient } from "./liveLoad";
import { startNginx, type NginxProxy } from "./nginxProxy";
import { freePort, startServerProcess, tempDir, waitReady, type ServerProcess } from "./serverProcess";

export const SHARED_SECRET = "instances-behind-nginx-share-this-secret-0123";

export interface Instance {
  server: ServerProcess;
  /** "127.0.0.1:port", as nginx names it in X-Upstream. */
  address: string;
  pid: number;
}

export interface InstanceCluster {
  instances: Instance[];
  nginx: NginxProxy;
  /** Where clients connect: nginx. */
  url: string;
  database: Database;
  redisKey: string;
  redis: { get(key: string): Promise<string | null>; quit(): Promise<unknown> };
  /** The instance whose lease says it judges this document, if any. */
  judgeOf(room: string): Promise<Instance | undefined>;
  stop(): Promise<void>;
}

/** Starts `n` instances (the first migrates and loads the sample data, then the others) and nginx in front. */
export async function startInstanceCluster(n: number, prefix: string): Promise<InstanceCluster> {
  if (!process.env.REDIS_URL) throw new Error("multi-instance tests need REDIS_URL (npm run test:pg)");
  const db = await scratchDatabase(process.env.DATABASE_URL ?? LOCAL_POSTGRES, prefix);
  const redisKey = `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
  const ports = await Promise.all(Array.from({ length: n }, () => freePort()));
  const nginxPort = await freePort();
  const dataDir = tempDir(`${prefix}-`);
  const env = (port: number) => ({
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL!,
    REDIS_KEY: redisKey,
    SESSION_SECRET: SHARED_SECRET,
    FAST_HASH: "1",
    DATA_DIR: `${dataDir}/${port}`,
    LOG_LEVEL: "warn",
    // The address users open is nginx's: its Origin is the one allowed.
    ALLOWED_ORIGINS: `http://127.0.0.1:${nginxPort}`,
  });
  const instances: Instance[] = [];
  const start = async (port: number) => {
    const server = startServerProcess(env(port), port);
    await waitReady(server);
    instances.push({ server, address: `127.0.0.1:${port}`, pid: server.child.pid! });
  };
  await start(ports[0]);
  await Promise.all(ports.slice(1).map(start));
  instances.sort((a, b) => ports.indexOf(a.server.port) - ports.indexOf(b.server.port));
  const nginx = await startNginx(
    instances.map((i) => i.address),
    nginxPort,
  );
  const database = await openPostgres(db.url, 2);
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  return {
    instances,
    nginx,
    url: nginx.url,
    database,
    redisKey,
    redis,
    async judgeOf(room) {
      const holder = await redis.get(`${redisKey}:collab:judge:${room}`);
      // The lease holds "host:pid:random".
      const pid = holder ? Number(holder.split(":")[1]) : NaN;
      return instances.find((i) => i.pid === pid);
    },
    async stop() {
      await nginx.stop();
      await Promise.all(
        instances.map(async (i) => {
          if (i.server.child.exitCode !== null || i.server.child.signalCode !== null) return;
          const slow = setTimeout(() => {
            console.warn(`instance ${i.address} did not stop in 15 s:\n${i.server.output().slice(-2000)}`);
            i.server.child.kill("SIGKILL");
          }, 15_000);
          await i.server.stop();
          clearTimeout(slow);
        }),
      );
      await database.close().catch(() => undefined);
      await redis.quit().catch(() => undefined);
      await db.drop();
    },
  };
}

export interface ProxiedYClient extends YClient {
  /** The instance (X-Upstream) of each WebSocket the provider opened, in order. */
  upstreams: string[];
}

/** The stock provider through nginx, recording which instance each of its connections reached. */
export function proxiedYClient(
  baseUrl: string,
  session: { cookie: string; origin: string },
  room: string,
  name: string,
  userId: string,
): ProxiedYClient {
  const doc = new Y.Doc();
  const upstreams: string[] = [];
  const headers = { Origin: session.origin, Cookie: session.cookie };
  class Recording extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
      this.once("upgrade", (res) => upstreams.push(String(res.headers["x-upstream"] ?? "?")));
    }
  }
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, "ws") + COLLAB_PATH, room, doc, {
    WebSocketPolyfill: Recording as never,
    disableBc: true,
    maxBackoffTime: COLLAB_RECONNECT_MAX_MS,
  });
  const syncedAt: number[] = [];
  const connectedAt: number[] = [];
  provider.on("sync", (s: boolean) => s && syncedAt.push(Date.now()));
  provider.on("status", (e: { status: string }) => e.status === "connected" && connectedAt.push(Date.now()));
  return {
    name,
    userId,
    doc,
    md: openMeetingDocument(doc),
    provider,
    syncedAt,
    connectedAt,
    upstreams,
    synced: () =>
      new Promise<void>((resolve) => {
        if (provider.synced) return resolve();
        const on = (s: boolean) => {
          if (!s) return;
          provider.off("sync", on);
          resolve();
        };
        provider.on("sync", on);
      }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
