/**
 * The official writers of docs/targets.md P7, shared by officialWrite.bench.ts (P7 alone) and peers.bench.ts (P7 beside its
 * bare peer and under the P5 load): 30 agency editors on 25 draft dossiers of the training period (5 dossiers have
 * two editors), each writing self scores of its dossier's self leaves; 10 council members on 5 dossiers submitted
 * first (two each), writing round-1 reviews of the bonus and penalty leaves. Each writer also says what the same
 * write is for the bare Express + pg peer (tests/bench/peers/expressPgPeer.mjs). Latency is measured from the moment
 * a write was due, so a server that falls behind shows it (no coordinated omission).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sessionCookieOf } from "../support/serverProcess";
export const WRITERS_AGENCY = 30;
export const WRITERS_COUNCIL = 10;
const SUBMITTED = 5;
export const WARMUP_WRITES = 10;
const PASSWORD = "Bench12345";
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

interface Leaf {
  code: string;
  method: string;
  /** How the leaf is answered: the writers send points, so they write `points` leaves only. */
  kind: string;
  maxPoints: number;
  step: number;
  evidenceRequired: boolean;
}

/** A signed-in HTTP client (cookie kept by hand; Origin set for state-changing requests). */
export class Session {
  private cookie = "";
  constructor(
    private readonly base: string,
    readonly name: string,
  ) {}

  async login(username: string, password: string) {
    const res = await this.request("POST", "/api/auth/login", { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return this;
  }

  async request(method: string, path: string, body?: unknown, form?: FormData): Promise<Response> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        Origin: this.base,
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      },
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    this.cookie = sessionCookieOf(res) ?? this.cookie;
    return res;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read loosely by a script
  async json(method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.request(method, path, body);
    const data = await res.json().catch(() => null);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A valid score for a leaf: a multiple of its step, at most its maximum. */
function scoreFor(leaf: Leaf, n: number): number {
  const steps = Math.round(leaf.maxPoints / leaf.step);
  return Math.round((n % (steps + 1)) * leaf.step * 100) / 100;
}

export interface Writer {
  session: Session;
  path: (n: number) => { url: string; body: unknown };
  /** The same write for the bare peer: the same dossier, leaf, score and note (the leaf's id made up per code). */
  peerPath: (n: number) => { url: string; body: unknown };
}

/** Sends write `n` of a writer; the product's by default. */
export type Send = (w: Writer, n: number) => Promise<Response>;

export const sendToProduct: Send = (w, n) => {
  const { url, body } = w.path(n);
  return w.session.request("PUT", url, body);
};

/** The peer's writes: plain JSON, no cookie, no Origin. */
export const sendToPeer =
  (base: string): Send =>
  (w, n) => {
    const { url, body } = w.peerPath(n);
    return fetch(base + url, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  };

const madeUpIds = new Map<string, string>();
const idOf = (key: string) => madeUpIds.get(key) ?? madeUpIds.set(key, randomUUID()).get(key)!;

export async function setUp(base: string): Promise<Writer[]> {
  const admin = await new Session(base, "admin").login("admin", "Demo@2023");
  const period = (await admin.json("GET", "/api/periods")).data.find(
    (p: { kind: string }) => p.kind === "training",
  );
  // Drafts only: a bench may have put some of the period's dossiers into a meeting first, and the sample's training
  // period holds dossiers at every stage (seeds/src/data/trainingStages.ts).
  const listed = (await admin.json("GET", `/api/periods/${period.id}/dossiers`)).data as {
    id: string;
    status: string;
    unit: { id: string; code: string };
  }[];
  const dossiers = listed.filter((d) => d.status === "draft");
  const awaitingRound1 = listed.filter((d) => d.status === "self_submitted");
  const createUser = async (username: string, roles: string[], unitId: string | null) => {
    await admin.json("POST", "/api/users", {
      username,
      fullName: `Bench ${username}`,
      password: PASSWORD,
      roles,
      unitId,
    });
    return new Session(base, username).login(username, PASSWORD);
  };
  const leavesOf = async (s: Session, dossierId: string) =>
    (await s.json("GET", `/api/dossiers/${dossierId}`)).data.leaves as Leaf[];

  // Dossiers awaiting round 1, for the council's reviews: the sample's, else five drafts submitted first.
  const submitted = awaitingRound1.length ? awaitingRound1 : dossiers.slice(-SUBMITTED);
  for (const d of awaitingRound1.length ? [] : submitted) {
    const head = await createUser(`bench.head.${d.unit.code}`, ["agency_head"], d.unit.id);
    for (const leaf of (await leavesOf(head, d.id)).filter((l) => l.method === "self")) {
      await head.json("PUT", `/api/dossiers/${d.id}/items/${leaf.code}/self`, {
        score: leaf.maxPoints,
        note: "",
      });
      if (leaf.evidenceRequired) {
        const form = new FormData();
        form.append("file", new Blob([PDF], { type: "application/pdf" }), `mc-${leaf.code}.pdf`);
        const res = await head.request(
          "POST",
          `/api/dossiers/${d.id}/items/${leaf.code}/evidence`,
          undefined,
          form,
        );
        if (res.status !== 201) throw new Error(`evidence: ${res.status} ${await res.text()}`);
      }
    }
    const form = new FormData();
    form.append("signedReport", new Blob([PDF], { type: "application/pdf" }), "bao-cao-ky.pdf");
    const res = await head.request("POST", `/api/dossiers/${d.id}/submit`, undefined, form);
    if (res.status !== 200) throw new Error(`submit: ${res.status} ${await res.text()}`);
  }

  const writers: Writer[] = [];
  const drafts = awaitingRound1.length ? dossiers : dossiers.slice(0, dossiers.length - SUBMITTED);
  for (let i = 0; i < WRITERS_AGENCY; i++) {
    const d = drafts[i % drafts.length];
    // Fewer drafts than writers: several editors per dossier (bench.editor, bench.editor2, bench.editor3…).
    const round = Math.floor(i / drafts.length);
    const session = await createUser(
      `bench.editor${round ? round + 1 : ""}.${d.unit.code}`,
      ["agency_editor"],
      d.unit.id,
    );
    const leaves = (await leavesOf(session, d.id)).filter((l) => l.method === "self" && l.kind === "points");
    writers.push({
      session,
      path: (n) => {
        const leaf = leaves[n % leaves.length];
        return {
          url: `/api/dossiers/${d.id}/items/${leaf.code}/self`,
          body: { score: scoreFor(leaf, n), note: `bench ${n}` },
        };
      },
      peerPath: (n) => {
        const leaf = leaves[n % leaves.length];
        return {
          url: `/scores/${d.id}/${idOf(`${d.id}/${leaf.code}`)}/self`,
          body: {
            code: leaf.code,
            score: scoreFor(leaf, n),
            note: `bench ${n}`,
            authorId: idOf(session.name),
          },
        };
      },
    });
  }
  for (let i = 0; i < WRITERS_COUNCIL; i++) {
    const d = submitted[i % submitted.length];
    const session = await createUser(`bench.council.${i}`, ["council_member"], null);
    const leaves = (await leavesOf(session, d.id)).filter(
      (l) => /^[BP]\./.test(l.code) && l.kind === "points",
    );
    writers.push({
      session,
      path: (n) => {
        const leaf = leaves[n % leaves.length];
        return {
          url: `/api/dossiers/${d.id}/items/${leaf.code}/review`,
          body: { round: 1, score: scoreFor(leaf, n), comment: "" },
        };
      },
      peerPath: (n) => {
        const leaf = leaves[n % leaves.length];
        return {
          url: `/scores/${d.id}/${idOf(`${d.id}/${leaf.code}`)}/round1`,
          body: { code: leaf.code, score: scoreFor(leaf, n), note: "", authorId: idOf(session.name) },
        };
      },
    });
  }
  return writers;
}

export interface PhaseResult {
  latencies: number[];
  errors: Map<string, number>;
  elapsedMs: number;
}

/** Each writer issues writes for `ms`: every 1000/rate ms when paced, back to back when rate is 0. */
export async function runPhase(
  writers: Writer[],
  ms: number,
  rate: number,
  counter: { n: number },
  send: Send = sendToProduct,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const start = performance.now();
  const end = start + ms;
  const interval = rate > 0 ? 1000 / rate : 0;
  await Promise.all(
    writers.map(async (w, wi) => {
      // Spread the writers' first writes over one interval so that they do not all fire together.
      let due = start + (interval ? (wi / writers.length) * interval : 0);
      while (due < end) {
        const now = performance.now();
        if (due > now) await new Promise((r) => setTimeout(r, due - now));
        const n = counter.n++;
        const sent = interval ? due : performance.now();
        try {
          const res = await send(w, n);
          await res.arrayBuffer();
          if (res.status === 200) latencies.push(performance.now() - sent);
          else errors.set(String(res.status), (errors.get(String(res.status)) ?? 0) + 1);
        } catch (err) {
          const key = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
        due = interval ? due + interval : performance.now();
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors, elapsedMs: performance.now() - start };
}

export function report(name: string, r: PhaseResult) {
  const errors = [...r.errors.values()].reduce((a, b) => a + b, 0);
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(34)} writes ${String(r.latencies.length).padStart(6)}  ${(r.latencies.length / (r.elapsedMs / 1000)).toFixed(0).padStart(5)}/s  ` +
      `p50 ${f(percentile(r.latencies, 50))} ms  p95 ${f(percentile(r.latencies, 95))} ms  p99 ${f(percentile(r.latencies, 99))} ms  ` +
      `max ${f(r.latencies[r.latencies.length - 1] ?? NaN)} ms  errors ${errors}${errors ? ` ${JSON.stringify(Object.fromEntries(r.errors))}` : ""}`,
  );
}
