/**
 * docs/targets.md S7 (zip bombs) and docs/security.md: an Office file is judged by what it really inflates to, never by what its
 * zip directory claims, and one that carries macros or other executable parts is refused — for evidence uploads
 * and for the spreadsheet imports alike, with a clear message in Vietnamese (and English when asked).
 */
import { Document, Packer, Paragraph, ImageRun } from "docx";
import { count } from "drizzle-orm";
import { files, indexSets, units } from "@ca/server/src/db/schema";
import { PNG } from "../../../support/files";
import { startTestApp, type TestApp } from "../../../support/testApp";
import { trainingDossier } from "../../../support/workflow";
import { trainingSurvey } from "../../../support/survey";
import { DOCM_TYPES, entriesOf, VBA_PROJECT, wordParts, workbook, zipOf } from "../../../support/zip";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let editor: Agent;
let admin: Agent;
let url: string;
beforeAll(async () => {
  app = await startTestApp();
  const t = await trainingDossier(app, "snv");
  admin = t.admin;
  url = `/api/dossiers/${t.dossierId}`;
  editor = await app.login("editor.snv");
});
afterAll(() => app.close());

const MiB = 1024 * 1024;
const BOMB = "Tệp nén bất thường (giải nén quá lớn), không được chấp nhận.";
const MACRO = /^Tệp Office chứa macro hoặc thành phần có thể thực thi/;
const fileRows = async () => (await app.ctx.database.db.select({ n: count() }).from(files))[0].n;
const upload = (bytes: Buffer, name: string) =>
  editor.post(`${url}/items/1.2/evidence`).attach("file", bytes, name);

/** Uploads a file that must be refused with 415, the given message, and no row written. */
async function expectRefused(bytes: Buffer, name: string, message: string | RegExp) {
  const before = await fileRows();
  const res = await upload(bytes, name);
  expect({ status: res.status, code: res.body.error?.code }).toEqual({
    status: 415,
    code: "unsupported_file",
  });
  expect(res.body.error.message).toMatch(message);
  expect(await fileRows()).toBe(before);
  return res;
}

describe("evidence: the real inflated size decides", () => {
  it("refuses a .docx whose directory claims 40 kB but that inflates to 250 MiB", async () => {
    const bomb = await zipOf([
      wordParts()[0],
      { name: "word/document.xml", data: { zeros: 250 * MiB }, claims: 40_000 },
    ]);
    expect(bomb.length).toBeLessThan(MiB);
    const started = Date.now();
    const res = await expectRefused(bomb, "bao-cao.docx", BOMB);
    expect(res.body.error.details).toMatchObject({ reason: "zip_bomb" });
    // Refused at the claimed size: the 250 MiB are never inflated.
    console.info(
      `bomb of ${Math.round(bomb.length / 1024)} KiB (250 MiB inflated) refused in ${Date.now() - started} ms`,
    );
  });

  it("refuses an honest directory whose entries add up past the limit, and too many entries", async () => {
    const honest = await zipOf([...wordParts(), { name: "word/media/fill.bin", data: { zeros: 250 * MiB } }]);
    await expectRefused(honest, "bao-cao.docx", BOMB);
    const many = await zipOf([
      ...wordParts(),
      ...Array.from({ length: 10_001 }, (_, i) => ({ name: `word/media/${i}.xml`, data: Buffer.from("x") })),
    ]);
    await expectRefused(many, "nhieu.docx", BOMB);
  });

  it("refuses a zip whose entry inflates to less than its directory claims (a lying directory)", async () => {
    const parts = wordParts();
    const lying = await zipOf([parts[0], { ...parts[1], claims: 5000 }]);
    const res = await upload(lying, "bao-cao.docx");
    expect(res.status).toBe(415);
    expect(res.body.error.details).toMatchObject({ reason: "bad_zip" });
  });

  it("accepts a real Word document with a picture, and a real workbook", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("Báo cáo minh chứng"),
            new Paragraph({
              children: [new ImageRun({ type: "png", data: PNG, transformation: { width: 10, height: 10 } })],
            }),
          ],
        },
      ],
    });
    const docx = await Packer.toBuffer(doc);
    const res = await upload(docx, "minh-chung.docx");
    expect(res.status).toBe(201);
    const xlsx = await workbook([["Số liệu", 1]]);
    expect((await upload(xlsx, "so-lieu.xlsx")).status).toBe(201);
  });
});

describe("evidence: Office files carrying macros or executable parts are refused", () => {
  it("refuses a .docx with word/vbaProject.bin", async () => {
    const res = await expectRefused(
      await zipOf([...wordParts(), { name: "word/vbaProject.bin", data: VBA_PROJECT }]),
      "bao-cao.docx",
      MACRO,
    );
    expect(res.body.error.details).toMatchObject({ reason: "macro" });
    const en = await editor
      .post(`${url}/items/1.2/evidence`)
      .set("Accept-Language", "en")
      .attach(
        "file",
        await zipOf([...wordParts(), { name: "word/vbaProject.bin", data: VBA_PROJECT }]),
        "a.docx",
      );
    expect(en.body.error.message).toMatch(/^The Office file contains macros/);
  });

  it.each([
    ["a .docm (macro-enabled content type), renamed .docx", () => zipOf(wordParts({ types: DOCM_TYPES }))],
    [
      "a VBA project anywhere, in any case",
      () => zipOf([...wordParts(), { name: "customXml/VBAPROJECT.BIN", data: VBA_PROJECT }]),
    ],
    [
      "an ActiveX control",
      () => zipOf([...wordParts(), { name: "word/activeX/activeX1.xml", data: Buffer.from("<ax/>") }]),
    ],
    [
      "an embedded OLE object",
      () => zipOf([...wordParts(), { name: "word/embeddings/oleObject1.bin", data: VBA_PROJECT }]),
    ],
    [
      "a workbook with a VBA project",
      async () =>
        zipOf([
          ...(await entriesOf(await workbook([["x"]]))),
          { name: "xl/vbaProject.bin", data: VBA_PROJECT },
        ]),
    ],
    [
      "a workbook with an Excel 4.0 macro sheet",
      async () =>
        zipOf([
          ...(await entriesOf(await workbook([["x"]]))),
          { name: "xl/macrosheets/sheet1.xml", data: Buffer.from("<xm:macrosheet/>") },
        ]),
    ],
    [
      "a document embedding a macro-enabled workbook",
      async () =>
        zipOf([...wordParts(), { name: "word/embeddings/Bang_tinh.xlsm", data: await workbook([["x"]]) }]),
    ],
    [
      "a document embedding a workbook that carries a VBA project",
      async () =>
        zipOf([
          ...wordParts(),
          {
            name: "word/embeddings/Bang_tinh.xlsx",
            data: await zipOf([
              ...(await entriesOf(await workbook([["x"]]))),
              { name: "xl/vbaProject.bin", data: VBA_PROJECT },
            ]),
          },
        ]),
    ],
  ])("refuses %s", async (_label, build) => {
    const res = await expectRefused(await build(), "tai-lieu.docx", MACRO);
    expect(res.body.error.details).toMatchObject({ reason: "macro" });
  });

  it("refuses a document nesting a bomb inside an embedded package", async () => {
    const inner = await zipOf([
      ...(await entriesOf(await workbook([["x"]]))),
      { name: "xl/media/fill.bin", data: { zeros: 250 * MiB } },
    ]);
    const outer = await zipOf([...wordParts(), { name: "word/embeddings/Bang_tinh.xlsx", data: inner }]);
    await expectRefused(outer, "bao-cao.docx", BOMB);
  });
});

describe("spreadsheet imports inflate within the same bounds", () => {
  const indexRows = [
    ["Mã", "Tên", "Tên EN", "Hướng dẫn", "Điểm tối đa", "Bước", "Phương pháp", "Minh chứng"],
    ["1", "Lĩnh vực một", "", "", 100, 0.5, "tự chấm", "Có"],
    ["1.1", "Tiêu chí", "", "", 100, 0.5, "tự chấm", "Có"],
  ];
  const importIndexSet = async (file: Buffer, code: string) => {
    const types = (await admin.get("/api/unit-types")).body.data;
    return admin
      .post("/api/index-sets/import")
      .field("code", code)
      .field("name", "Bộ chỉ số thử")
      .field("unitTypeId", types[0].id)
      .attach("file", file, "bcs.xlsx");
  };
  const setCount = async () => (await app.ctx.database.db.select({ n: count() }).from(indexSets))[0].n;

  it("index set import: a valid sheet padded with 250 MiB that its directory hides, and a macro workbook", async () => {
    const valid = await workbook(indexRows);
    const before = await setCount();
    const padded = await zipOf([
      ...(await entriesOf(valid)),
      { name: "xl/media/fill.bin", data: { zeros: 250 * MiB }, claims: 1000 },
    ]);
    const bomb = await importIndexSet(padded, "bcs-bom");
    expect({ status: bomb.status, reason: bomb.body.error?.details?.reason }).toEqual({
      status: 415,
      reason: "zip_bomb",
    });
    expect(bomb.body.error.message).toBe(BOMB);
    const macro = await importIndexSet(
      await zipOf([...(await entriesOf(valid)), { name: "xl/vbaProject.bin", data: VBA_PROJECT }]),
      "bcs-macro",
    );
    expect(macro.status).toBe(415);
    expect(macro.body.error.message).toMatch(MACRO);
    expect(await setCount()).toBe(before);
    // The same sheet, clean, is imported.
    expect((await importIndexSet(valid, "bcs-sach")).status).toBe(201);
  });

  it("units import: a padded bomb and a macro workbook are refused, nothing written", async () => {
    const unitCount = async () => (await app.ctx.database.db.select({ n: count() }).from(units))[0].n;
    const before = await unitCount();
    const sheet = await workbook([
      ["Mã", "Tên"],
      ["x-bom", "Xã Bom"],
    ]);
    const importUnits = (file: Buffer) => admin.post("/api/units/import").attach("file", file, "don-vi.xlsx");
    const bomb = await importUnits(
      await zipOf([
        ...(await entriesOf(sheet)),
        { name: "xl/media/fill.bin", data: { zeros: 250 * MiB }, claims: 1000 },
      ]),
    );
    expect({ status: bomb.status, reason: bomb.body.error?.details?.reason }).toEqual({
      status: 415,
      reason: "zip_bomb",
    });
    expect(bomb.body.error.message).toBe(BOMB);
    const macro = await importUnits(
      await zipOf([...(await entriesOf(sheet)), { name: "xl/vbaProject.bin", data: VBA_PROJECT }]),
    );
    expect(macro.status).toBe(415);
    expect(macro.body.error.message).toMatch(MACRO);
    expect(await unitCount()).toBe(before);
  });

  it("survey respondents import: a padded bomb and a macro workbook are refused, nothing written", async () => {
    const { survey } = await trainingSurvey(admin);
    const sheet = await workbook([
      ["Họ tên", "Đơn vị", "Email"],
      ["Nguyễn Văn A", "HTX", "a@x.vn"],
    ]);
    const post = (file: Buffer) =>
      admin.post(`/api/surveys/${survey.id}/respondents/import`).attach("file", file, "ds.xlsx");
    const padded = await zipOf([
      ...(await entriesOf(sheet)),
      { name: "xl/media/fill.bin", data: { zeros: 250 * MiB }, claims: 1000 },
    ]);
    const bomb = await post(padded);
    expect({ status: bomb.status, message: bomb.body.error?.message }).toEqual({
      status: 415,
      message: BOMB,
    });
    const macro = await post(
      await zipOf([...(await entriesOf(sheet)), { name: "xl/vbaProject.bin", data: VBA_PROJECT }]),
    );
    expect(macro.status).toBe(415);
    expect(macro.body.error.message).toMatch(MACRO);
    expect((await post(sheet)).status).toBe(201);
  });
});
