/**
 * docs/targets.md S6 for the dossier workflow: ≥ 1,000 malformed payloads per JSON route, plus hostile path parameters.
 * No 5xx, the server stays up, the audit chain holds, and nothing is half-written: every new row (audit, comment,
 * extension, notification) and every dossier version step belongs to an acknowledged 2xx.
 */
import { count, eq } from "drizzle-orm";
import { auditLog, comments, dossiers, extensions, notifications } from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { malformedPayloads, sendMalformed } from "../../support/malformed";
import { startTestApp, type TestApp } from "../../support/testApp";
import { openWindow, selfAssessAll, signedReport, trainingDossier } from "../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
const PER_ROUTE = 1000;

let app: TestApp;
let admin: Agent;
let periodId: string;
const dossier: Record<"stc" | "snv" | "tuyhoa" | "sct", string> = {} as never;
let requestId: string;

/** An agency head for a unit with no demo head (created through the admin API). */
async function headOf(unitCode: string): Promise<Agent> {
  const units = (await admin.get("/api/units")).body.data as { id: string; code: string }[];
  const username = `head.${unitCode}.fuzz`;
  const res = await admin.post("/api/users").send({
    username,
    fullName: "Thủ trưởng thử",
    password: "Fuzz12345",
    roles: ["agency_head"],
    unitId: units.find((u) => u.code === unitCode)!.id,
  });
  if (res.status !== 201) throw new Error(`head ${unitCode}: ${res.status} ${JSON.stringify(res.body)}`);
  return app.login(username, "Fuzz12345");
}

async function submit(head: Agent, dossierId: string) {
  await selfAssessAll(head, dossierId);
  const res = await signedReport(head, `/api/dossiers/${dossierId}/submit`);
  if (res.status !== 200) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
}

beforeAll(async () => {
  app = await startTestApp();
  const t = await trainingDossier(app, "snv");
  admin = t.admin;
  periodId = t.period.id;
  dossier.snv = t.dossierId;
  for (const [key, code] of [
    ["stc", "stc"],
    ["tuyhoa", "tp-tuyhoa"],
    ["sct", "sct"],
  ] as const)
    dossier[key] = (await trainingDossier(app, code)).dossierId;
  const chair = await app.login("chair");
  // snv: submitted, for round-1 reviews. sct: submitted, for transitions. tuyhoa: round 1 closed with a request.
  await submit(await app.login("head.snv"), dossier.snv);
  await submit(await headOf("sct"), dossier.sct);
  const tuyhoa = await app.login("head.tuyhoa");
  await submit(tuyhoa, dossier.tuyhoa);
  const req = await chair
    .put(`/api/dossiers/${dossier.tuyhoa}/items/7.1/review`)
    .send({ round: 1, score: null, comment: "Làm rõ số liệu", requestExplanation: true });
  requestId = req.body.data.commentId;
  expect(
    (await chair.post(`/api/dossiers/${dossier.tuyhoa}/transition`).send({ to: "round1_done" })).status,
  ).toBe(200);
  await openWindow(admin, periodId, "explanation");
}, 300_000);
afterAll(() => app.close());

interface Route {
  name: string;
  as: string;
  method: "put" | "post";
  path: () => string;
  valid: () => Record<string, unknown>;
  /** Targeted hostile bodies beyond the generated ones. */
  extra?: () => unknown[];
  dossierKey?: keyof typeof dossier;
}

const ROUTES: Route[] = [
  {
    name: "PUT /api/dossiers/:id/items/:code/self",
    as: "editor.stc",
    method: "put",
    path: () => `/api/dossiers/${dossier.stc}/items/1.2/self`,
    valid: () => ({ score: 1.5, note: "Tự chấm" }),
    extra: () => [
      { score: 1e-7 },
      { score: 2.0000000001 },
      { score: -0 },
      { score: 0.005 },
      { score: "1.5" },
      { score: 1.5, note: "a\u0000b" },
      { score: 1.5, note: "\udfff" },
    ],
    dossierKey: "stc",
  },
  {
    name: "PUT /api/dossiers/:id/items/:code/review",
    as: "chair",
    method: "put",
    path: () => `/api/dossiers/${dossier.snv}/items/1.3.1/review`,
    valid: () => ({ round: 1, score: 3, comment: "Nhận xét nội bộ", requestExplanation: false }),
    extra: () => [
      { round: 2, score: 3 },
      { round: 1, score: null, comment: "" },
      { round: 1, score: null, comment: "   " },
      { round: 1, score: 3, comment: "", requestExplanation: true },
      { round: 1.5, score: 3 },
      { round: "1", score: 3 },
      { round: 1, score: 4.25 },
      { round: 1, score: 3, comment: "x".repeat(4001) },
    ],
    dossierKey: "snv",
  },
  {
    name: "POST /api/comments/:id/answer",
    as: "head.tuyhoa",
    method: "post",
    path: () => `/api/comments/${requestId}/answer`,
    valid: () => ({ answer: "Đã bổ sung số liệu", proposedScore: 2.5 }),
    extra: () => [
      { answer: "   " },
      { answer: "ok", proposedScore: 3.25 },
      { answer: "ok", proposedScore: 2.3 },
      { answer: "ok", proposedScore: -0.25 },
      { answer: "\u0000" },
    ],
    dossierKey: "tuyhoa",
  },
  {
    name: "POST /api/dossiers/:id/transition",
    as: "chair",
    method: "post",
    path: () => `/api/dossiers/${dossier.sct}/transition`,
    valid: () => ({ to: "round1_done" }),
    // The valid move last: acknowledged once, then refused (409) because the dossier has moved on.
    extra: () =>
      [
        "draft",
        "self_submitted",
        "explained",
        "round2_done",
        "agreed",
        "published",
        "ROUND1_DONE",
        "round1_done ",
        "round1_done",
        "round1_done",
      ].map((to) => ({ to })),
    dossierKey: "sct",
  },
  {
    name: "POST /api/dossiers/:id/extensions",
    as: "admin",
    method: "post",
    path: () => `/api/dossiers/${dossier.stc}/extensions`,
    valid: () => ({
      milestoneKey: "self_assessment",
      until: "2099-01-01T00:00:00+07:00",
      reason: "Đơn vị gặp sự cố mạng",
    }),
    extra: () =>
      [
        "0000-01-01T00:00:00Z",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "9999-12-31T23:59:59Z",
        "1900-01-01T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2024-02-30T00:00:00+07:00",
        "2099-01-01T00:00:00",
        "2099-01-01",
        "2099-01-01T00:00:00+24:00",
        "+275760-09-13T00:00:00Z",
      ].map((until) => ({ milestoneKey: "self_assessment", until, reason: "Thử ngày giờ" })),
    dossierKey: "stc",
  },
  {
    name: "POST /api/periods/:id/reminders",
    as: "admin",
    method: "post",
    path: () => `/api/periods/${periodId}/reminders`,
    valid: () => ({ dossierIds: [dossier.snv], message: "Đề nghị hoàn thành tự đánh giá" }),
    extra: () => [
      { dossierIds: Array(500).fill(dossier.snv), message: "Trùng lặp" },
      { dossierIds: Array(501).fill(dossier.snv), message: "Quá nhiều" },
      { dossierIds: ["00000000-0000-4000-8000-000000000000"], message: "Không tồn tại" },
      { dossierIds: [], message: "Rỗng" },
      { dossierIds: [dossier.snv], message: "<img src=x onerror=alert(1)>" },
    ],
  },
];

const db = () => app.ctx.database.db;
async function snapshot(dossierId?: string) {
  const d = db();
  const [[audit], [comment], [ext], [notes], version] = await Promise.all([
    d.select({ n: count() }).from(auditLog),
    d.select({ n: count() }).from(comments),
    d.select({ n: count() }).from(extensions),
    d.select({ n: count() }).from(notifications),
    dossierId
      ? d.select({ v: dossiers.version }).from(dossiers).where(eq(dossiers.id, dossierId))
      : Promise.resolve([{ v: 0 }]),
  ]);
  return {
    audit: audit.n,
    comments: comment.n,
    extensions: ext.n,
    notifications: notes.n,
    version: version[0].v,
  };
}

describe.each(ROUTES.map((r) => [r.name, r] as const))("%s", (_name, route) => {
  it(`survives ${PER_ROUTE} malformed payloads with clear 4xx errors, and writes only what it acknowledges`, async () => {
    const agent = await app.login(route.as);
    const dossierId = route.dossierKey ? dossier[route.dossierKey] : undefined;
    const before = await snapshot(dossierId);
    const payloads = [
      ...malformedPayloads(route.valid(), PER_ROUTE, route.name.length * 7),
      ...(route.extra?.() ?? []).map((b) => JSON.stringify(b)),
    ];
    let withComment = 0;
    let recipients = 0;
    const { serverErrors, unclear, acknowledged, summary } = await sendMalformed(
      route.name,
      payloads,
      (payload) => agent[route.method](route.path()).set("Content-Type", "application/json").send(payload),
      (res) => {
        const data = res.body.data as { commentId?: string; recipients?: unknown } | undefined;
        if (data?.commentId) withComment++;
        if (typeof data?.recipients === "number") recipients += data.recipients;
      },
    );
    console.info(summary);
    expect(serverErrors).toEqual([]);
    expect(unclear).toEqual([]);
    // Alive, unpolluted, chain intact.
    expect((await agent.get("/api/me")).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await verifyAuditChain(db(), app.ctx.audit)).ok).toBe(true);
    // Nothing half-written: each acknowledged write added exactly one audit row and one dossier version;
    // comments, extensions and notifications only for acknowledged writes.
    const after = await snapshot(dossierId);
    expect(after.audit - before.audit).toBe(acknowledged);
    if (dossierId) expect(after.version - before.version).toBe(acknowledged);
    expect(after.comments - before.comments).toBe(withComment);
    expect(after.extensions - before.extensions).toBe(route.name.endsWith("/extensions") ? acknowledged : 0);
    if (route.name.endsWith("/reminders"))
      expect(after.notifications - before.notifications).toBe(recipients);
  }, 600_000);
});

describe("hostile path parameters", () => {
  const CODES = [
    "..%2f..%2fetc%2fpasswd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "..",
    "x".repeat(4000),
    "1".repeat(4000),
    "１.２", // full-width digits
    "1.2%00",
    "%00",
    "1.2'%20OR%20'1'%3D'1",
    "1.2%3B%20drop%20table%20scores%3B--",
    "%E0%A4%A",
    "%",
    "%ZZ",
    "__proto__",
    "constructor",
    "%F0%9F%92%A5",
    "%ED%A0%80", // a lone surrogate, UTF-8 encoded
    "1.2%0d%0aX-Injected:%201",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  ];
  const IDS = [
    "not-a-uuid",
    "%E0%A4%A",
    "00000000-0000-0000-0000-000000000000",
    "'%20or%201%3D1--",
    "..%2f..",
    "%00",
    "x".repeat(3000),
  ];

  it("a hostile :code on the self, review and evidence routes gets a 4xx and changes nothing", async () => {
    const editor = await app.login("editor.stc");
    const chair = await app.login("chair");
    const before = { stc: await snapshot(dossier.stc), snv: await snapshot(dossier.snv) };
    const bad: string[] = [];
    for (const code of CODES) {
      const results = [
        await editor.put(`/api/dossiers/${dossier.stc}/items/${code}/self`).send({ score: 1, note: "" }),
        await chair
          .put(`/api/dossiers/${dossier.snv}/items/${code}/review`)
          .send({ round: 1, score: 1, comment: "x" }),
        await editor
          .post(`/api/dossiers/${dossier.stc}/items/${code}/evidence`)
          .attach("file", Buffer.from("%PDF-1.4\n%%EOF\n"), "a.pdf"),
      ];
      for (const res of results) {
        if (res.status < 400 || res.status >= 500 || typeof res.body?.error?.message !== "string")
          bad.push(`${code.slice(0, 40)} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
    }
    expect(bad).toEqual([]);
    expect(await snapshot(dossier.stc)).toEqual(before.stc);
    expect((await snapshot(dossier.snv)).version).toBe(before.snv.version);
    expect((await verifyAuditChain(db(), app.ctx.audit)).ok).toBe(true);
  });

  it("hostile :dossierId, :commentId and :periodId get a 4xx", async () => {
    const editor = await app.login("editor.stc");
    const chair = await app.login("chair");
    const bad: string[] = [];
    for (const id of IDS) {
      const results = [
        await editor.get(`/api/dossiers/${id}`),
        await editor.put(`/api/dossiers/${id}/items/1.2/self`).send({ score: 1 }),
        await chair.put(`/api/dossiers/${id}/items/1.3.1/review`).send({ round: 1, score: 1 }),
        await editor.post(`/api/comments/${id}/answer`).send({ answer: "x" }),
        await chair.post(`/api/comments/${id}/resolve`),
        await chair.post(`/api/dossiers/${id}/transition`).send({ to: "round1_done" }),
        await admin
          .post(`/api/dossiers/${id}/extensions`)
          .send({ milestoneKey: "self_assessment", until: "2099-01-01T00:00:00Z", reason: "abc" }),
        await admin.post(`/api/periods/${id}/reminders`).send({ dossierIds: [dossier.snv], message: "abc" }),
        await admin.get(`/api/periods/${id}/progress`),
        await chair.get(`/api/periods/${id}/ranking`),
        await editor.get(`/api/files/${id}`),
        await editor.post(`/api/notifications/${id}/read`),
      ];
      results.forEach((res, i) => {
        if (res.status < 400 || res.status >= 500)
          bad.push(`${id.slice(0, 30)} request #${i} → ${res.status}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it("odd content types and charsets on the JSON routes get a 4xx", async () => {
    const editor = await app.login("editor.stc");
    const url = `/api/dossiers/${dossier.stc}/items/1.2/self`;
    const bad: string[] = [];
    for (const [type, body] of [
      ["application/json; charset=koi8-r", '{"score":1}'],
      ["application/json; charset=utf-16", '{"score":1}'],
      ["application/json; charset=nonsense", '{"score":1}'],
      ["text/plain", '{"score":1}'],
      ["application/x-www-form-urlencoded", "score=1&note=x"],
      [
        "multipart/form-data; boundary=x",
        '--x\r\nContent-Disposition: form-data; name="score"\r\n\r\n1\r\n--x--\r\n',
      ],
      ["application/json", Buffer.from([0xff, 0xfe, 0x7b, 0x00])],
    ] as const) {
      const res = await editor
        .put(url)
        .set("Content-Type", type)
        .send(body as string);
      if (res.status < 400 || res.status >= 500)
        bad.push(`${type} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    const gz = await editor
      .put(url)
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "gzip")
      .send('{"score":1}');
    if (gz.status < 400 || gz.status >= 500) bad.push(`gzip lie → ${gz.status}`);
    expect(bad).toEqual([]);
  });
});
