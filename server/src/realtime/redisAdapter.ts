import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { Logger } from "pino";
import { createClient } from "redis";
import type { IoServer } from "./ioServer";

/**
 * Several server instances behind one address (docs/scaling.md): with REDIS_URL, the Socket.IO rooms span
 * the instances through a Redis stream (Socket.IO's Streams adapter, which also keeps connection-state recovery:
 * a dashboard that lost its connection for a moment gets what it missed, on whichever instance it reaches). Every
 * channel, stream and session key starts with `key` (REDIS_KEY), so deployments sharing one Redis stay apart.
 * Returns what closes the Redis connections. Meeting documents are relayed on connections of their own
 * (collab/cluster/collabCluster.ts).
 */
export async function attachRedisAdapter(
  io: IoServer,
  { url, key }: { url: string; key: string },
  logger: Logger,
): Promise<() => Promise<void>> {
  const client = createClient({ url });
  // Without a listener, a Redis error would crash the process; the client reconnects by itself.
  client.on("error", (err) => logger.warn({ err }, "redis: connection error"));
  await client.connect();
  // A broadcast after shutdown began (a presence or ranking timer due later) would reject inside the adapter,
  // which does not await it: once the client is closed, writing does nothing instead.
  for (const command of ["publish", "xAdd", "set"] as const) {
    const original = (client[command] as (...args: unknown[]) => Promise<unknown>).bind(client);
    Object.assign(client, {
      [command]: (...args: unknown[]) => (client.isOpen ? original(...args) : Promise.resolve(null)),
    });
  }
  // The adapter reads the stream on connections of its own (`duplicate`), blocked in XREAD for up to 5 s at a time;
  // they are kept here so that shutdown closes them at once instead of leaving them to time out.
  const readers: { disconnect(): Promise<unknown> }[] = [];
  const duplicate = client.duplicate.bind(client);
  Object.assign(client, {
    duplicate: (...args: Parameters<typeof duplicate>) => {
      const reader = duplicate(...args);
      const disconnect = reader.disconnect.bind(reader);
      // The adapter disconnects a reader itself when its read ends after shutdown; by then it may be closed.
      Object.assign(reader, {
        disconnect: () => (reader.isOpen ? disconnect().catch(() => undefined) : Promise.resolve()),
      });
      // It subscribes without handling the result: a server closed right after it started would disconnect the
      // subscription still pending, and that rejection, unhandled, would take the process down.
      for (const command of ["subscribe", "sSubscribe"] as const) {
        const original = (reader[command] as (...args: unknown[]) => Promise<unknown>).bind(reader);
        Object.assign(reader, {
          [command]: (...args: unknown[]) => {
            const pending = original(...args);
            pending.catch((err) => logger.debug({ err }, "redis: subscription ended before it was made"));
            return pending;
          },
        });
      }
      readers.push(reader);
      return reader;
    },
  });
  io.adapter(
    createAdapter(client, {
      streamName: `${key}:socket.io`,
      channelPrefix: `${key}:socket.io`,
      sessionKeyPrefix: `${key}:sio:session:`,
    }),
  );
  return async () => {
    // Stops the adapter's read loops first (they stop on abort), then closes every connection.
    io.of("/").adapter.close();
    await Promise.allSettled([client.quit(), ...readers.map((r) => r.disconnect())]);
  };
}
