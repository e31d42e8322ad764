/**
 * The relay of a meeting document's updates (collab/updateOutbox.ts): what arrives in one turn of the event loop
 * leaves as one frame per connection, without that connection's own updates, and every client ends with the
 * server's document; a lone update leaves in the turn after it arrived.
 */
import * as Y from "yjs";
import type { CollabConnection } from "@ca/server/src/collab/collabConnection";
import { decodeMessage } from "@ca/server/src/collab/protocol";
import { UpdateOutbox } from "@ca/server/src/collab/updateOutbox";

const turn = () => new Promise((resolve) => setImmediate(resolve));

function setup(n: number) {
  const server = new Y.Doc();
  const conns = Array.from({ length: n }, (_, i) => ({ id: i }) as unknown as CollabConnection);
  const clients = conns.map(() => new Y.Doc());
  const frames = new Map<CollabConnection, number>();
  const outbox = new UpdateOutbox(
    () => conns,
    (conn, message) => {
      frames.set(conn, (frames.get(conn) ?? 0) + 1);
      const msg = decodeMessage(message);
      if (msg.type !== "update") throw new Error(`unexpected ${msg.type}`);
      Y.applyUpdate(clients[conns.indexOf(conn)], msg.update, "server");
    },
  );
  server.on("update", (update: Uint8Array, origin: unknown) => outbox.push(update, origin));
  // Client i edits its own copy, and the server applies the edit with the client's connection as origin.
  const edit = (i: number, key: string, value: number) => {
    const before = Y.encodeStateVector(clients[i]);
    clients[i].getMap("m").set(key, value);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(clients[i], before), conns[i]);
  };
  return { server, conns, clients, frames, edit };
}

it("updates of one turn leave as one frame per connection, without the connection's own", async () => {
  const { server, conns, clients, frames, edit } = setup(4);
  edit(0, "a", 1);
  edit(1, "b", 2);
  edit(0, "c", 3);
  expect(frames.size).toBe(0);
  await turn();
  expect(conns.map((c) => frames.get(c) ?? 0)).toEqual([1, 1, 1, 1]);
  const expected = server.getMap("m").toJSON();
  for (const client of clients) expect(client.getMap("m").toJSON()).toEqual(expected);
  expect(expected).toEqual({ a: 1, b: 2, c: 3 });
});

it("a connection whose updates were the only ones of a turn gets no frame", async () => {
  const { conns, frames, edit } = setup(3);
  edit(2, "x", 1);
  await turn();
  expect(conns.map((c) => frames.get(c) ?? 0)).toEqual([1, 1, 0]);
});

it("updates of the server's own (no connection) reach every connection, and later turns send again", async () => {
  const { server, conns, clients, frames, edit } = setup(2);
  server.getMap("m").set("server", 1);
  await turn();
  edit(0, "late", 2);
  await turn();
  expect(conns.map((c) => frames.get(c) ?? 0)).toEqual([1, 2]);
  expect(clients[1].getMap("m").toJSON()).toEqual({ server: 1, late: 2 });
});
