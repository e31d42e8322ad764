/**
 * docs/targets.md S7 and R5: evidence uploads. Every hostile file is refused with the right 4xx and a clear Vietnamese
 * message, and leaves nothing behind (no `files` row, no file in the store, the audit chain intact); accepted files
 * are stored by hash under a safe name and served only as attachments, only to those who may read them; a store
 * that cannot be written gives a clear error and leaves nothing half-written.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { files } from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { FileStore } from "@ca/server/src/services/files/fileStore";
import { EXE, HTML, JPG, PDF, PNG, xlsx, zipBomb } from "../../../support/files";
import { startTestApp, type TestApp } from "../../../support/testApp";
import { openWindow, trainingDossier } from "../../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let editor: Agent;
let url: string;
let periodId: string;
let admin: Agent;
beforeAll(async () => {
  // A 1 MB limit for the whole file: the accepted samples are a few hundred bytes.
  app = await startTestApp({ env: { MAX_UPLOAD_MB: "1" } });
  const t = await trainingDossier(app, "snv");
  admin = t.admin;
  periodId = t.period.id;
  url = `/api/dossiers/${t.dossierId}`;
  editor = await app.login("editor.snv");
});
afterAll(() => app.close());

/** Every regular file under a folder (temp files included), relative to it. */
function walk(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(full);
      else out.push(path.relative(root, full));
    }
  }
  return out.sort();
}

const fileRows = async () => (await app.ctx.database.db.select({ n: count() }).from(files))[0].n;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Runs an upload that must be refused, and checks that it left nothing anywhere. */
async function expectRefusedLeavingNothing(
  send: () => Promise<{ status: number; body: { error?: { code: string; message: string } } }>,
) {
  const storeRoot = app.ctx.files.root;
  const rowsBefore = await fileRows();
  const filesBefore = walk(storeRoot);
  const versionBefore = (await editor.get(url)).body.data.version;
  const res = await send();
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(typeof res.body.error?.message).toBe("string");
  expect(await fileRows()).toBe(rowsBefore);
  expect(walk(storeRoot)).toEqual(filesBefore);
  expect((await editor.get(url)).body.data.version).toBe(versionBefore);
  expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
  return res as { status: number; body: { error: { code: string; message: string; details?: unknown } } };
}

const ONLY_TYPES =
  "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPG hoặc PNG; nội dung tệp không khớp với các loại này.";
const upload = (bytes: Buffer, name: string, code = "1.2") =>
  editor.post(`${url}/items/${code}/evidence`).attach("file", bytes, name);

describe("S7: hostile uploads are refused with a clear message and leave nothing behind", () => {
  it("(a) an executable renamed bao-cao.pdf → 415", async () => {
    const res = await expectRefusedLeavingNothing(() => upload(EXE, "bao-cao.pdf"));
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: "unsupported_file", message: ONLY_TYPES });
  });

  it("(b) a file over the configured limit (1.5 MB against 1 MB) → 413 naming the limit", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1.5 * 1024 * 1024, 0x20)]);
    const res = await expectRefusedLeavingNothing(() => upload(big, "lon.pdf"));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: "payload_too_large",
      message: "Tệp vượt quá giới hạn 1 MB.",
    });
    // The same refusal on the signed-report route.
    const head = await app.login("head.snv");
    const report = await expectRefusedLeavingNothing(() =>
      head.post(`${url}/submit`).attach("signedReport", big, "bao-cao-ky.pdf"),
    );
    expect(report.status).toBe(413);
  });

  it("a signed report that is not a PDF is refused as such, whatever its bytes are", async () => {
    // Only a PDF is a signed report: the evidence message (PDF, Word, Excel, images) would mislead the head.
    const head = await app.login("head.snv");
    for (const bytes of [EXE, PNG, Buffer.from("Đây không phải PDF.\n".repeat(20))]) {
      const res = await expectRefusedLeavingNothing(() =>
        head.post(`${url}/submit`).attach("signedReport", bytes, "bao-cao-ky.pdf"),
      );
      expect(res.status).toBe(415);
      expect(res.body.error.message).toBe("Báo cáo ký phải là tệp PDF.");
    }
  });

  it("(d) a 'PDF' whose bytes are not PDF → 415", async () => {
    const res = await expectRefusedLeavingNothing(() =>
      upload(Buffer.from("Đây không phải PDF, chỉ là văn bản.\n".repeat(20)), "bao-cao.pdf"),
    );
    expect(res.status).toBe(415);
    expect(res.body.error.message).toBe(ONLY_TYPES);
    // Bytes that start almost like a PDF (no dash) are no PDF either.
    expect(
      (await expectRefusedLeavingNothing(() => upload(Buffer.from("%PDF\n<script>"), "x.pdf"))).status,
    ).toBe(415);
  });

  it("(e) HTML, script and SVG → 415, whatever they are named", async () => {
    for (const [bytes, name] of [
      [HTML, "trang.html"],
      [HTML, "minh-chung.pdf"],
      [Buffer.from("<script>fetch('/api/me')</script>"), "a.js"],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "anh.png"],
      [Buffer.from("#!/bin/sh\nrm -rf /\n"), "run.sh"],
    ] as const) {
      const res = await expectRefusedLeavingNothing(() => upload(bytes, name));
      expect({ name, status: res.status, code: res.body.error.code }).toEqual({
        name,
        status: 415,
        code: "unsupported_file",
      });
    }
  });

  it("(f) the zip bomb named .docx → 415 with the zip-bomb message", async () => {
    const res = await expectRefusedLeavingNothing(() => upload(zipBomb(), "bao-cao.docx"));
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({
      code: "unsupported_file",
      message: "Tệp nén bất thường (giải nén quá lớn), không được chấp nhận.",
    });
  });

  it("a zip that is no Office document, and a truncated zip → 415", async () => {
    const plainZip = zipBomb().subarray(0, 40); // a local header and nothing else: no central directory
    expect((await expectRefusedLeavingNothing(() => upload(plainZip, "tai-lieu.docx"))).status).toBe(415);
  });

  it("(g) an empty file → 400 'Tệp rỗng.'", async () => {
    const res = await expectRefusedLeavingNothing(() => upload(Buffer.alloc(0), "rong.pdf"));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Tệp rỗng.");
  });

  it("no file at all, a file in the wrong field, or two files → 400", async () => {
    expect(
      (await expectRefusedLeavingNothing(() => editor.post(`${url}/items/1.2/evidence`).field("note", "x")))
        .status,
    ).toBe(400);
    expect(
      (
        await expectRefusedLeavingNothing(() =>
          editor.post(`${url}/items/1.2/evidence`).attach("other", PDF, "a.pdf"),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await expectRefusedLeavingNothing(() =>
          editor.post(`${url}/items/1.2/evidence`).attach("file", PDF, "a.pdf").attach("file", PDF, "b.pdf"),
        )
      ).status,
    ).toBe(400);
  });

  it("a broken multipart body (no boundary, truncated, garbage) → 400, not a server error", async () => {
    const boundary = "----ca-boundary";
    const truncated = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF.subarray(0, 20),
    ]);
    for (const [contentType, body] of [
      ["multipart/form-data", PDF],
      [`multipart/form-data; boundary=${boundary}`, truncated],
      [`multipart/form-data; boundary=${boundary}`, Buffer.from("garbage with no parts at all")],
    ] as const) {
      const res = await expectRefusedLeavingNothing(() =>
        editor.post(`${url}/items/1.2/evidence`).set("Content-Type", contentType).send(body),
      );
      expect({ contentType, status: res.status }).toEqual({ contentType, status: 400 });
      expect(res.body.error.message).toMatch(/^Không đọc được tệp gửi lên/);
    }
  });

  it("the index-set import (the other multipart route) answers a broken body with a 400 too", async () => {
    for (const [contentType, body] of [
      ["multipart/form-data", "x"],
      [
        "multipart/form-data; boundary=zz",
        '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
      ],
    ] as const) {
      const res = await admin.post("/api/index-sets/import").set("Content-Type", contentType).send(body);
      expect({ contentType, status: res.status }).toEqual({ contentType, status: 400 });
    }
  });

  it("refuses an upload to a leaf that does not exist, or to another agency's dossier", async () => {
    expect((await expectRefusedLeavingNothing(() => upload(PDF, "a.pdf", "9.9.9"))).status).toBe(404);
    const stc = await trainingDossier(app, "stc");
    const res = await expectRefusedLeavingNothing(() =>
      editor.post(`/api/dossiers/${stc.dossierId}/items/1.2/evidence`).attach("file", PDF, "a.pdf"),
    );
    expect(res.status).toBe(403);
  });

  it("refuses evidence on a survey leaf and on a council-only leaf during the self-assessment", async () => {
    const leaves = (await editor.get(url)).body.data.leaves as { code: string; method: string }[];
    for (const method of ["survey", "council"]) {
      const leaf = leaves.find((l) => l.method === method)!;
      const res = await expectRefusedLeavingNothing(() => upload(PDF, "a.pdf", leaf.code));
      expect({ method, status: res.status }).toEqual({ method, status: 400 });
      expect(res.body.error.message).toMatch(/điều tra xã hội học|Hội đồng chấm/);
    }
  });
});

describe("S7: accepted uploads are stored by hash, under a safe name", () => {
  it("(c) ../../etc/passwd.pdf with real PDF bytes is accepted, stored with no path, nothing written outside the store", async () => {
    const root = app.ctx.files.root;
    const bytes = Buffer.concat([PDF, Buffer.from("% traversal test\n")]);
    const outside = [
      path.resolve(root, "../../etc/passwd.pdf"),
      path.resolve(root, "../etc/passwd.pdf"),
      "/etc/passwd.pdf",
      path.resolve(root, "..", "passwd.pdf"),
    ];
    const before = walk(root);
    for (const name of ["../../etc/passwd.pdf", "..\\..\\windows\\passwd.pdf", "/etc/passwd.pdf"]) {
      const res = await upload(bytes, name);
      expect(res.status).toBe(201);
      expect(res.body.data.name).toBe("passwd.pdf");
      expect(res.body.data.name).not.toMatch(/[\\/]|\.\./);
    }
    // One stored copy, at <root>/<aa>/<sha256>, whatever the name said.
    const added = walk(root).filter((f) => !before.includes(f));
    expect(added).toEqual([path.join(sha(bytes).slice(0, 2), sha(bytes))]);
    for (const p of outside) expect(fs.existsSync(p)).toBe(false);
    expect(fs.readFileSync("/etc/passwd", "utf8")).not.toContain("%PDF");
  });

  it("names with quotes, control characters and Vietnamese survive safely", async () => {
    const res = await upload(Buffer.concat([PDF, Buffer.from("% names\n")]), 'Báo cáo "quý IV"\t<2023>.pdf');
    expect(res.status).toBe(201);
    expect(res.body.data.name).toBe("Báo cáo quý IV2023.pdf");
    const dl = await editor.get(res.body.data.url);
    expect(dl.headers["content-disposition"]).toBe(
      `attachment; filename="B_o c_o qu_ IV2023.pdf"; filename*=UTF-8''${encodeURIComponent("Báo cáo quý IV2023.pdf")}`,
    );
  });

  it("(h) a real .xlsx, PNG and JPG are accepted with the type read from their bytes", async () => {
    const book = await xlsx();
    for (const [bytes, name, mime, stored] of [
      [
        book,
        "so-lieu.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "so-lieu.xlsx",
      ],
      [PNG, "anh-chup.png", "image/png", "anh-chup.png"],
      [JPG, "anh.jpg", "image/jpeg", "anh.jpg"],
      // The name lies; the bytes decide, and the stored name takes the real extension.
      [PNG, "khong-phai-pdf.pdf", "image/png", "khong-phai-pdf.png"],
    ] as const) {
      const rows = await fileRows();
      const res = await upload(bytes, name);
      expect({ name, status: res.status }).toEqual({ name, status: 201 });
      expect(res.body.data).toMatchObject({ name: stored, mime, size: bytes.length, purpose: "evidence" });
      expect(await fileRows()).toBe(rows + 1);
      expect(fs.readFileSync(path.join(app.ctx.files.root, sha(bytes).slice(0, 2), sha(bytes)))).toEqual(
        bytes,
      );
    }
    // Each upload is audited, and the chain holds.
    expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
  });
});

describe("S7: downloads", () => {
  let fileUrl: string;
  let pngUrl: string;
  beforeAll(async () => {
    const up = await upload(Buffer.concat([PDF, Buffer.from("% download\n")]), "tai-ve.pdf");
    expect(up.status).toBe(201);
    fileUrl = up.body.data.url;
    const png = await upload(PNG, "gia-pdf.pdf", "1.3.2");
    expect(png.status).toBe(201);
    pngUrl = png.body.data.url;
  });

  it("serves the owner an attachment with the sniffed type and nosniff", async () => {
    const res = await editor.get(fileUrl).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="tai-ve\.pdf"/);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(Buffer.from(res.body)).toEqual(Buffer.concat([PDF, Buffer.from("% download\n")]));
    const png = await editor.get(pngUrl);
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.headers["content-disposition"]).toMatch(/^attachment; filename="gia-pdf\.png"/);
  });

  it("refuses another agency (403/404), the recused member (403) and the public (401); the council reads it", async () => {
    const stc = await app.login("editor.stc");
    expect([403, 404]).toContain((await stc.get(fileUrl)).status);
    const home = await app.login("member.home");
    const recused = await home.get(fileUrl);
    expect(recused.status).toBe(403);
    expect(recused.body.error.message).toBe("Bạn không có quyền thực hiện thao tác này.");
    expect((await app.anonymous().get(fileUrl)).status).toBe(401);
    const chair = await app.login("chair");
    const res = await chair.get(fileUrl);
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment;/);
    expect((await (await app.login("leader")).get(fileUrl)).status).toBe(200);
  });

  it("answers 404 for unknown and malformed ids", async () => {
    expect((await editor.get("/api/files/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await editor.get("/api/files/..%2f..%2fetc%2fpasswd")).status).toBe(404);
    expect((await editor.get("/api/files/%E0%A4%A")).status).toBeLessThan(500);
  });
});

describe("R5: a store that cannot be written", () => {
  let saved: FileStore;
  beforeEach(() => {
    saved = app.ctx.files;
  });
  afterEach(() => {
    app.ctx.files = saved;
  });

  /** A store whose folder cannot be created or written: read-only for a normal user; under a regular file for root. */
  function unwritableStore(): { store: FileStore; base: string; expected: string[]; cleanup: () => void } {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "ca-ro-"));
    if (process.getuid?.() !== 0) {
      fs.chmodSync(base, 0o500);
      const cleanup = () => {
        fs.chmodSync(base, 0o700);
        fs.rmSync(base, { recursive: true, force: true });
      };
      return { store: new FileStore(path.join(base, "store")), base, expected: [], cleanup };
    }
    // Root ignores permission bits: a regular file where a folder should be makes mkdir fail (ENOTDIR).
    const blocker = path.join(base, "not-a-folder");
    fs.writeFileSync(blocker, "x");
    return {
      store: new FileStore(path.join(blocker, "store")),
      base,
      expected: ["not-a-folder"],
      cleanup: () => fs.rmSync(base, { recursive: true, force: true }),
    };
  }

  it("gives a clear 503 in Vietnamese, and leaves no row and no file", async () => {
    const { store, base, expected, cleanup } = unwritableStore();
    try {
      app.ctx.files = store;
      const rows = await fileRows();
      const res = await upload(Buffer.concat([PDF, Buffer.from("% read-only store\n")]), "chi-doc.pdf");
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("storage_unavailable");
      expect(res.body.error.message).toMatch(/^Không lưu được tệp .*chưa có gì được ghi/);
      expect(await fileRows()).toBe(rows);
      // No temp file anywhere near the store, and nothing in the real one either.
      expect(walk(base)).toEqual(expected);
      expect((await verifyAuditChain(app.ctx.database.db, app.ctx.audit)).ok).toBe(true);
      // English for an English-speaking browser.
      const en = await upload(Buffer.concat([PDF, Buffer.from("% read-only store en\n")]), "chi-doc.pdf").set(
        "Accept-Language",
        "en",
      );
      expect(en.status).toBe(503);
      expect(en.body.error.message).toMatch(/could not be stored.*nothing was saved/);
    } finally {
      cleanup();
    }
  });

  it("a full disk (ENOSPC while writing) gives a clear 503 naming it, and no row", async () => {
    const real = saved;
    const full = new FileStore(real.root);
    full.put = async () => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    app.ctx.files = full;
    const rows = await fileRows();
    const before = walk(real.root);
    const res = await upload(Buffer.concat([PDF, Buffer.from("% full disk\n")]), "day.pdf");
    expect(res.status).toBe(503);
    expect(res.body.error.message).toContain("ổ đĩa máy chủ đã đầy");
    expect(await fileRows()).toBe(rows);
    expect(walk(real.root)).toEqual(before);
  });

  it("a really full disk (a 64 KiB tmpfs): 503, no temp file, no row", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-full-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
    } catch (err) {
      // A silent pass would hide R5 untested; CI runs as root on machines that allow a tmpfs.
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error("R5 full-disk case needs to mount a tmpfs (run as root)", { cause: err });
    }
    try {
      app.ctx.files = new FileStore(path.join(dir, "store"));
      const rows = await fileRows();
      // 200 KiB of PDF into 64 KiB: the write fails half-way, after the temp file was created.
      const res = await upload(Buffer.concat([PDF, Buffer.alloc(200 * 1024, 0x20)]), "qua-lon.pdf");
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: "storage_unavailable", details: { reason: "ENOSPC" } });
      expect(res.body.error.message).toContain("ổ đĩa máy chủ đã đầy");
      expect(await fileRows()).toBe(rows);
      expect(walk(dir)).toEqual([]);
    } finally {
      execFileSync("umount", [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a failure after the bytes are written (window closed in the transaction) removes them again", async () => {
    // The period's self-assessment window closes between the first checks and the commit: modelled by closing it.
    const now = Date.now();
    const closed = await admin.put(`/api/periods/${periodId}/milestones/self_assessment`).send({
      startsAt: new Date(now - 3 * 86_400_000).toISOString(),
      deadline: new Date(now - 86_400_000).toISOString(),
      reason: "Đóng thử cửa sổ",
    });
    expect(closed.status).toBe(200);
    try {
      const res = await expectRefusedLeavingNothing(() =>
        upload(Buffer.concat([PDF, Buffer.from("% closed window\n")]), "muon.pdf"),
      );
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("window_closed");
      expect(res.body.error.message).toMatch(/^Ngoài thời hạn/);
    } finally {
      await openWindow(admin, periodId, "self_assessment");
    }
  });
});

describe("R5: concurrent uploads of the same bytes", () => {
  it("a refused upload never removes bytes that another, acknowledged upload refers to", async () => {
    // The head's submission is refused (evidence missing) after its bytes are written; meanwhile the editor uploads
    // the very same bytes as evidence, which are acknowledged. Those bytes must still be there afterwards.
    const head = await app.login("head.snv");
    const lost: string[] = [];
    for (let i = 0; i < 30; i++) {
      const bytes = Buffer.concat([PDF, Buffer.from(`% race ${i} ${Date.now()}\n`)]);
      const delay = i % 6;
      const [ev, sub] = await Promise.all([
        upload(bytes, `dua-${i}.pdf`),
        new Promise((r) => setTimeout(r, delay)).then(() =>
          head.post(`${url}/submit`).attach("signedReport", bytes, "bao-cao-ky.pdf"),
        ),
      ]);
      expect(sub.status).toBe(409);
      expect(ev.status).toBe(201);
      const dl = await editor.get(ev.body.data.url);
      if (dl.status !== 200) lost.push(`${i}: ${dl.status}`);
    }
    expect(lost).toEqual([]);
  });
});
