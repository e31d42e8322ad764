/**
 * An agency takes back evidence it uploaded by mistake (docs/api.md, `DELETE /api/dossiers/{id}/evidence/{fileId}`):
 * while it may still upload, by whoever may upload, audited; the bytes go unless another file has the same content;
 * anything else is refused with a clear message and changes nothing.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { auditLog, dossiers } from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { PDF } from "../../../support/files";
import { startTestApp, type TestApp } from "../../../support/testApp";
import { trainingDossier } from "../../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let editor: Agent;
let url: string;
let dossierId: string;

beforeAll(async () => {
  app = await startTestApp();
  const t = await trainingDossier(app, "snv");
  dossierId = t.dossierId;
  url = `/api/dossiers/${dossierId}`;
  editor = await app.login("editor.snv");
});
afterAll(() => app.close());

const bytesOf = (tag: string) => Buffer.concat([PDF, Buffer.from(`% ${tag}\n`)]);
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const stored = (b: Buffer) =>
  app.ctx.files.read(sha(b)).then(
    () => true,
    () => false,
  );
const upload = async (bytes: Buffer, name: string, code = "1.2") => {
  const res = await editor.post(`${url}/items/${code}/evidence`).attach("file", bytes, name);
  expect(res.status).toBe(201);
  return res.body.data as { id: string; url: string };
};
const evidenceOf = async (code: string) =>
  (
    (await editor.get(url)).body.data.leaves.find((l: { code: string }) => l.code === code).evidence as {
      id: string;
    }[]
  ).map((f) => f.id);

it("takes back a file the editor uploaded by mistake: gone from the leaf, its bytes gone, audited", async () => {
  const bytes = bytesOf("nham");
  const file = await upload(bytes, "nham-tep.pdf");
  const versionBefore = (await editor.get(url)).body.data.version;
  const res = await editor.delete(`${url}/evidence/${file.id}`);
  expect(res.status).toBe(204);
  expect(await evidenceOf("1.2")).not.toContain(file.id);
  expect((await editor.get(url)).body.data.version).toBeGreaterThan(versionBefore);
  expect((await editor.get(file.url)).status).toBe(404);
  expect(await stored(bytes)).toBe(false);
  const [row] = await app.ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "file.remove"), eq(auditLog.entityId, dossierId)));
  expect(row.oldValue).toMatchObject({ fileId: file.id, name: "nham-tep.pdf", sha256: sha(bytes) });
  expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
});

it("keeps the bytes another file of the same content still uses", async () => {
  const bytes = bytesOf("chung");
  const first = await upload(bytes, "ban-1.pdf", "1.2");
  const second = await upload(bytes, "ban-2.pdf", "1.4");
  expect((await editor.delete(`${url}/evidence/${first.id}`)).status).toBe(204);
  const download = await editor.get(second.url);
  expect(download.status).toBe(200);
  expect(await stored(bytes)).toBe(true);
  expect(await evidenceOf("1.4")).toContain(second.id);
});

it("refuses another unit, an unknown file and a file of another dossier, changing nothing", async () => {
  const file = await upload(bytesOf("giu"), "giu.pdf");
  const other = await app.login("editor.stc");
  expect((await other.delete(`${url}/evidence/${file.id}`)).status).toBe(403);
  const unknown = await editor.delete(`${url}/evidence/00000000-0000-4000-8000-000000000097`);
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.message).toMatch(/\S/);
  const stc = await trainingDossier(app, "stc");
  expect((await other.delete(`/api/dossiers/${stc.dossierId}/evidence/${file.id}`)).status).toBe(404);
  expect(await evidenceOf("1.2")).toContain(file.id);
});

it("refuses once the self-assessment is submitted: the file stays", async () => {
  const file = await upload(bytesOf("sau-nop"), "sau-nop.pdf");
  await app.ctx.database.db
    .update(dossiers)
    .set({ status: "self_submitted" })
    .where(eq(dossiers.id, dossierId));
  const res = await editor.delete(`${url}/evidence/${file.id}`);
  // Nobody edits a submitted self-assessment: `can()` refuses before the command looks at the file.
  expect(res.status).toBe(403);
  expect(res.body.error.message).toMatch(/\S/);
  expect(await evidenceOf("1.2")).toContain(file.id);
});
