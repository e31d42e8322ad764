/**
 * The y-websocket wire protocol (what the stock `WebsocketProvider` speaks): every message starts with a varuint
 * type — sync (with its own sub-type: step 1, step 2, update), awareness, auth, query-awareness.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";

export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SYNC = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

/** One decoded client message; payloads are left encoded. */
export type ClientMessage =
  | { type: "syncStep1"; stateVector: Uint8Array }
  | { type: "syncStep2" | "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "queryAwareness" }
  | { type: "auth" };

/** Decodes a client message; throws on anything that is not the protocol. */
export function decodeMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE.sync: {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === SYNC.step1) return { type: "syncStep1", stateVector: payload };
      if (sub === SYNC.step2) return { type: "syncStep2", update: payload };
      if (sub === SYNC.update) return { type: "update", update: payload };
      throw new Error(`unknown sync message ${sub}`);
    }
    case MESSAGE.awareness:
      return { type: "awareness", update: decoding.readVarUint8Array(decoder) };
    case MESSAGE.queryAwareness:
      return { type: "queryAwareness" };
    case MESSAGE.auth:
      return { type: "auth" };
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

/** Sync step 1: our state vector, asking the client for what we lack. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** Sync step 2: what the client lacks, given its state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

/** An incremental document update. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** An awareness message around an encoded awareness update. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** One client's entry in an awareness update: its state as the JSON text sent ("null" = gone). */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  state: string;
}

/** Decodes an awareness update into its entries (y-protocols/awareness layout); throws when malformed. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const out: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      clientID: decoding.readVarUint(d),
      clock: decoding.readVarUint(d),
      state: decoding.readVarString(d),
    });
  }
  return out;
}

/** Encodes awareness entries back into an awareness update. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientID);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, x.state);
  }
  return encoding.toUint8Array(e);
}
