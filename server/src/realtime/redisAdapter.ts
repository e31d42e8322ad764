import { createAdapter } from "@socket.io/redis-adapter";
import type { Logger } from "pino";
import { createClient } from "redis";
import type { IoServer } from "./socketServer";

/**
 * Several server instances behind one address (DESIGN §4, TARGETS P11): with REDIS_URL, Socket.IO rooms span the
 * instances through Redis pub/sub, so an event emitted on one reaches every socket in the room on all of them.
 * Returns what closes the Redis connections. Yjs documents are not relayed: a meeting's documents must be served by
 * one instance (route `/collab/meeting-<id>-…` by meeting at the proxy).
 */
export async function attachRedisAdapter(
  io: IoServer,
  { url, key }: { url: string; key: string },
  logger: Logger,
): Promise<() => Promise<void>> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  // Without a listener, a Redis error would crash the process; the clients reconnect by themselves.
  pub.on("error", (err) => logger.warn({ err }, "redis (publish): connection error"));
  sub.on("error", (err) => logger.warn({ err }, "redis (subscribe): connection error"));
  await Promise.all([pub.connect(), sub.connect()]);
  // A broadcast after shutdown began (a presence or ranking timer due later) would reject inside the adapter,
  // which does not await it: once the client is closed, publishing does nothing instead.
  const publish = pub.publish.bind(pub);
  Object.assign(pub, {
    publish: (...args: Parameters<typeof publish>) => (pub.isOpen ? publish(...args) : Promise.resolve(0)),
  });
  io.adapter(createAdapter(pub, sub, { key }));
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
