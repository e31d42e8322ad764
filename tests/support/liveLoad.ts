/**
 * Helpers for the fault tests (tests/fault) and the real-time benches (tests/bench/collab.bench.ts): a scratch
 * PostgreSQL database, an HTTP session with a cookie, dossiers put into a running meeting, stock y-websocket
 * clients and Socket.IO viewers on a server given by its URL (a server process or an in-process test app), CPU
 * pinning, percentiles. Nothing here imports the server app itself, so a load generator stays light.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { Client } from "pg";
import WebSocket from "ws";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebsocketProvider } from "y-websocket";
import { io as connectIo, type Socket } from "socket.io-client";
import { COLLAB_PATH, COLLAB_RECONNECT_MAX_MS, openMeetingDocument, type MeetingDocument } from "@ca/shared";
import type { Db } from "@ca/server/src/db/client";
import { dossiers, indexItems, periodIndexSets, periods, scores, units } from "@ca/server/src/db/schema";
import { sessionCookieOf } from "./serverProcess";

export const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";
export const DEMO_PASSWORD = "Demo@2023";
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A new empty database on the PostgreSQL server of `adminUrl`; `drop` removes it (connections forced out). */
export async function scratchDatabase(
  adminUrl = LOCAL_POSTGRES,
  prefix = "ca_fault",
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A signed-in HTTP client: the session cookie kept by hand, the Origin header on every request. */
export class HttpSession {
  cookie = "";
  constructor(
    readonly base: string,
    readonly origin = base,
  ) {}

  async login(username: string, password = DEMO_PASSWORD): Promise<this> {
    const res = await this.request("POST", "/api/auth/login", { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return this;
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        Origin: this.origin,
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.cookie = sessionCookieOf(res) ?? this.cookie;
    return res;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read loosely by a test script
  async json(method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.request(method, path, body);
    const data = await res.json().catch(() => null);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  }
}

/** Creates council members (as the admin) and returns their signed-in sessions with their user ids. */
export async function createCouncilMembers(
  admin: HttpSession,
  prefix: string,
  n: number,
  password = "Fault12345",
): Promise<{ session: HttpSession; userId: string; username: string }[]> {
  const out: { session: HttpSession; userId: string; username: string }[] = [];
  for (let i = 0; i < n; i++) {
    const username = `${prefix}.${i}`;
    const created = await admin.json("POST", "/api/users", {
      username,
      fullName: `Thành viên ${prefix} ${i}`,
      password,
      roles: ["council_member"],
      unitId: null,
    });
    const session = await new HttpSession(admin.base, admin.origin).login(username, password);
    out.push({ session, userId: created.data.id as string, username });
  }
  return out;
}

/** The user id of a signed-in session. */
export async function userIdOf(s: HttpSession): Promise<string> {
  return (await s.json("GET", "/api/me")).data.id as string;
}

export interface MeetingLeaf {
  code: string;
  /** Hundredths of a point. */
  max: number;
  step: number;
}

export interface MeetingDossier {
  id: string;
  unitCode: string;
  /** The leaves the council may adjust with a plain score (scored by points, not by the survey). */
  leaves: MeetingLeaf[];
}

/**
 * Puts `n` draft dossiers of the training period (units other than `exclude`) into status round2_done with a
 * round-2 score on every council-scored leaf, as the end of round 2 would (tests/server/collab/meetingLive.test.ts does
 * the same); a meeting may then put them on its agenda.
 */
export async function prepareMeetingDossiers(
  db: Db,
  n: number,
  exclude: readonly string[] = ["snv", "stc", "tp-tuyhoa"],
): Promise<{ periodId: string; dossiers: MeetingDossier[] }> {
  const periodId = (await db.select().from(periods)).find((p) => p.kind === "training")!.id;
  const rows = await db
    .select({ id: dossiers.id, code: units.code, unitTypeId: units.unitTypeId })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(
      and(
        eq(dossiers.periodId, periodId),
        eq(dossiers.status, "draft"),
        notInArray(units.code, [...exclude]),
      ),
    )
    .orderBy(units.code)
    .limit(n);
  if (rows.length < n) throw new Error(`only ${rows.length} draft dossiers in the training period`);
  const out: MeetingDossier[] = [];
  for (const r of rows) {
    const [link] = await db
      .select()
      .from(periodIndexSets)
      .where(and(eq(periodIndexSets.periodId, periodId), eq(periodIndexSets.unitTypeId, r.unitTypeId)));
    const items = await db.select().from(indexItems).where(eq(indexItems.indexSetId, link.indexSetId));
    const parents = new Set(items.map((i) => i.parentId));
    const leaves = items.filter((i) => !parents.has(i.id) && i.code !== "B" && i.code !== "P");
    const scored = leaves.filter((l) => l.method !== "survey");
    await db.insert(scores).values(
      scored.map((l) => ({
        dossierId: r.id,
        itemId: l.id,
        stage: "round2" as const,
        score: Math.floor(l.maxPoints / 2 / l.step) * l.step,
        note: "",
        confirmed: true,
        updatedAt: new Date(),
      })),
    );
    out.push({
      id: r.id,
      unitCode: r.code,
      leaves: scored
        // A plain score is a proposal only on a `points` leaf: the other kinds propose a level or figures.
        .filter((l) => l.scoringKind === "points" && l.maxPoints >= l.step && l.step > 0)
        .map((l) => ({ code: l.code, max: l.maxPoints, step: l.step })),
    });
  }
  await db
    .update(dossiers)
    .set({ status: "round2_done" })
    .where(
      inArray(
        dossiers.id,
        out.map((d) => d.id),
      ),
    );
  return { periodId, dossiers: out };
}

/** A valid adjustment of a leaf (hundredths): on its step, within 0..max, cycling with `n`. */
export function validScore(leaf: MeetingLeaf, n: number): number {
  const steps = Math.floor(leaf.max / leaf.step);
  return (n % (steps + 1)) * leaf.step;
}

/** The chair plans a meeting with this agenda and starts it; returns its id. */
export async function startMeeting(chair: HttpSession, periodId: string, agenda: string[]): Promise<string> {
  const created = await chair.json("POST", `/api/periods/${periodId}/meetings`, {
    title: "Phiên họp kiểm thử tải",
    startsAt: "2026-12-01T08:00:00+07:00",
    agenda,
  });
  const id = created.data.id as string;
  await chair.json("POST", `/api/meetings/${id}/start`);
  return id;
}

/** A `ws` WebSocket class that sends these headers on its handshake (the provider only passes url and protocols). */
function webSocketWith(headers: Record<string, string>): typeof WebSocket {
  class WithHeaders extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return WithHeaders as unknown as typeof WebSocket;
}

export interface YClient {
  name: string;
  userId: string;
  doc: Y.Doc;
  md: MeetingDocument;
  provider: WebsocketProvider;
  /** Times (Date.now()) at which the provider reported itself synced, in order. */
  syncedAt: number[];
  /** Times at which its WebSocket opened (before the server has checked the session and synced). */
  connectedAt: number[];
  /** Resolves when the provider is synced (now or next). */
  synced(): Promise<void>;
  destroy(): void;
}

/** The stock `WebsocketProvider`, unchanged, as a browser uses it, signed in with a session cookie. */
export function yClient(
  baseUrl: string,
  session: { cookie: string; origin: string },
  room: string,
  name: string,
  userId: string,
): YClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, "ws") + COLLAB_PATH, room, doc, {
    WebSocketPolyfill: webSocketWith({ Origin: session.origin, Cookie: session.cookie }) as never,
    disableBc: true,
    maxBackoffTime: COLLAB_RECONNECT_MAX_MS,
  });
  const syncedAt: number[] = [];
  const connectedAt: number[] = [];
  provider.on("sync", (s: boolean) => {
    if (s) syncedAt.push(Date.now());
  });
  provider.on("status", (e: { status: string }) => {
    if (e.status === "connected") connectedAt.push(Date.now());
  });
  return {
    name,
    userId,
    doc,
    md: openMeetingDocument(doc),
    provider,
    syncedAt,
    connectedAt,
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

/** What a meeting document says, in a comparable form: adjustments by leaf, note texts by leaf, minutes. */
export function contentOf(md: MeetingDocument): {
  adjustments: Record<string, unknown>;
  notes: Record<string, string>;
} {
  const adjustments: Record<string, unknown> = {};
  for (const [code, entry] of [...md.adjustments.map].sort(([a], [b]) => a.localeCompare(b)))
    adjustments[code] = entry.val;
  const notes: Record<string, string> = {};
  for (const code of [...md.notes.keys()].sort()) notes[code] = md.notes.get(code)!.toString();
  return { adjustments, notes };
}

/** True when every update `source` has integrated (per Yjs client id) is in `target` too. */
export function covers(target: Y.Doc, source: Y.Doc): boolean {
  const t = Y.decodeStateVector(Y.encodeStateVector(target));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(source)))
    if ((t.get(client) ?? 0) < clock) return false;
  return true;
}

/** A Socket.IO client with a session cookie; resolves once connected. */
export async function ioClient(
  baseUrl: string,
  session: { cookie: string; origin: string },
): Promise<Socket> {
  const socket = connectIo(baseUrl, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { Cookie: session.cookie, Origin: session.origin },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Joins a Socket.IO room through the app's `join` event; throws when refused. */
export function joinRoom(socket: Socket, room: string): Promise<void> {
  return new Promise((resolve, reject) =>
    socket.emit("join", room, (r: { ok: boolean; error?: string }) =>
      r.ok ? resolve() : reject(new Error(`join ${room}: ${r.error}`)),
    ),
  );
}

/** Polls until the check passes; returns the ms it took, or throws the check's last error after `timeoutMs`. */
export async function until(
  check: () => void | Promise<void>,
  timeoutMs: number,
  stepMs = 20,
): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - start;
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await sleep(stepMs);
    }
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** p50/p95/p99/max of a list of numbers, sorted first. */
export function summary(values: readonly number[]): {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
} {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.at(-1) ?? NaN,
  };
}

/** Pins every thread of a process to one core (taskset); false where taskset is missing. */
export function pin(pid: number, core: number): boolean {
  try {
    execFileSync("taskset", ["-a", "-cp", String(core), String(pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The pid of the process that actually runs the server: `tsx` runs the script in a child Node process, so the
 * pid of the spawned command is only its launcher. `kill -9` must hit the server itself.
 */
export function serverPidOf(launcherPid: number): number {
  let pid = launcherPid;
  for (let depth = 0; depth < 3; depth++) {
    let children: number[];
    try {
      children = fs
        .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      break;
    }
    if (children.length !== 1) break;
    pid = children[0];
  }
  return pid;
}

/** The METRICS_TOKEN to start a measured server with, so that `metricsText` may scrape it. */
export const METRICS_TOKEN = "bench-metrics-token-0123456789";

/** The server's Prometheus metrics, scraped as Prometheus does (bearer token). */
export async function metricsText(baseUrl: string): Promise<string> {
  return (
    await fetch(`${baseUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
}

/** A number from the server's Prometheus metrics (first sample of that name), or NaN. */
export async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await metricsText(baseUrl);
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)`, "m").exec(text);
  return m ? Number(m[1]) : NaN;
}

/**
 * CPU time a process has run and has waited for a CPU (run-queue delay), in ms, summed over its threads
 * (/proc/<pid>/task/<tid>/schedstat). The difference between two readings tells a slow server from a starved one.
 */
export function cpuOf(pid: number): { runMs: number; waitMs: number } {
  let run = 0;
  let wait = 0;
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const [r, w] = fs
        .readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8")
        .trim()
        .split(/\s+/)
        .map(Number);
      run += r;
      wait += w;
    }
  } catch {
    return { runMs: NaN, waitMs: NaN };
  }
  return { runMs: run / 1e6, waitMs: wait / 1e6 };
}

/**
 * A light editor for load generation: a Y.Doc synced once with the server, then edited locally, its updates sent
 * with the y-websocket protocol; what the server broadcasts afterwards is not applied, only scanned for markers
 * (strings starting with `markerPrefix`, `markerLength` long). Forty stock providers in one process spend most of
 * that process's CPU applying each other's updates; these measure the server's fan-out instead (docs/targets.md P1, P5).
 */
export interface LightEditor {
  name: string;
  userId: string;
  doc: Y.Doc;
  md: MeetingDocument;
  /** Resolves once the server's state has been received. */
  ready: Promise<void>;
  /** Called for every marker seen in a broadcast, with performance.now() at receipt. */
  onMarker: (marker: string, at: number) => void;
  close(): void;
}

const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export function lightEditor(
  baseUrl: string,
  session: { cookie: string; origin: string },
  room: string,
  name: string,
  userId: string,
  markerPrefix: string,
  markerLength: number,
): LightEditor {
  const doc = new Y.Doc();
  const REMOTE = Symbol("remote");
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}${COLLAB_PATH}/${room}`, {
    headers: { Origin: session.origin, Cookie: session.cookie },
  });
  const prefix = Buffer.from(markerPrefix);
  let synced = false;
  let resolveReady!: () => void;
  const editor: LightEditor = {
    name,
    userId,
    doc,
    md: openMeetingDocument(doc),
    ready: new Promise<void>((r) => (resolveReady = r)),
    onMarker: () => undefined,
    close: () => {
      ws.terminate();
      doc.destroy();
    },
  };
  const frame = (syncType: number, payload: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, payload);
    return encoding.toUint8Array(e);
  };
  ws.on("open", () => ws.send(frame(SYNC_STEP1, Y.encodeStateVector(doc))));
  ws.on("error", () => undefined);
  ws.on("message", (data: Buffer) => {
    if (!synced) {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== MESSAGE_SYNC || decoding.readVarUint(d) !== SYNC_STEP2) return;
      Y.applyUpdate(doc, decoding.readVarUint8Array(d), REMOTE);
      synced = true;
      resolveReady();
      return;
    }
    const now = performance.now();
    for (let i = data.indexOf(prefix); i >= 0; i = data.indexOf(prefix, i + markerLength))
      editor.onMarker(data.toString("latin1", i, i + markerLength), now);
  });
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE && ws.readyState === ws.OPEN) ws.send(frame(SYNC_UPDATE, update));
  });
  return editor;
}
