import type ExcelJS from "exceljs";
import { cellText, loadExcel } from "./excel";
import { assertSafeWorkbook } from "../files/officeZip";
import { asc, eq } from "drizzle-orm";
import { centiToNumber, ZSurveyRespondentCreate } from "@ca/shared";
import type { DbOrTx } from "../../db/client";
import * as t from "../../db/schema";
import { AppError } from "../../http/errors";
import type { RespondentInput } from "../../commands/addSurveyRespondents";
import { computeSurveyResults } from "../../queries/survey";
import { addAuditSheet, type AuditStamp } from "../exports/auditStamp";

const MAX_ROWS = 5000;

/** Opens an uploaded workbook, or refuses it clearly. */
async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new AppError("unsupported_file", undefined, {
      vi: "Tệp không phải là bảng tính .xlsx.",
      en: "The file is not an .xlsx workbook.",
    });
  // Inflated within limits and free of code before ExcelJS inflates it all in memory.
  await assertSafeWorkbook(bytes);
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError("unsupported_file", undefined, {
      vi: "Không đọc được bảng tính .xlsx.",
      en: "The .xlsx workbook could not be read.",
    });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError("import_failed", [{ row: 0, field: "sheet", message: "no worksheet" }]);
  return ws;
}

/**
 * Reads a respondent list: row 1 is the header, then full name | organisation | e-mail. Any bad row refuses the
 * whole file with a row-by-row report (nothing written).
 */
export async function parseRespondentSheet(bytes: Buffer): Promise<RespondentInput[]> {
  const ws = await openWorkbook(bytes);
  const out: RespondentInput[] = [];
  const errors: { row: number; field: string; message: string }[] = [];
  if (ws.rowCount > MAX_ROWS + 1)
    throw new AppError("import_failed", [{ row: 0, field: "rows", message: `at most ${MAX_ROWS} rows` }]);
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const [fullName, organisation, email] = [1, 2, 3].map((c) => cellText(row.getCell(c).value).trim());
    if (!fullName && !organisation && !email) return;
    const parsed = ZSurveyRespondentCreate.safeParse({ fullName, organisation, email: email || null });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors.push({ row: n, field: String(issue.path[0] ?? ""), message: issue.message });
    else out.push(parsed.data);
  });
  if (errors.length) throw new AppError("import_failed", errors.slice(0, 200));
  if (!out.length) throw new AppError("import_failed", [{ row: 0, field: "rows", message: "no respondent" }]);
  return out;
}

/**
 * Reads questions: row 1 is the header, then leaf code | question | English question (blank rows skipped).
 */
export async function parseQuestionSheet(bytes: Buffer) {
  const ws = await openWorkbook(bytes);
  const out: { itemCode: string; text: string; textEn: string }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1 || n > 201) return;
    const [itemCode, text, textEn] = [1, 2, 3].map((c) => cellText(row.getCell(c).value).trim());
    if (itemCode || text) out.push({ itemCode, text, textEn });
  });
  return out;
}

const XLSX_HEADER = { font: { bold: true } };

/**
 * The traceable export of a period's survey: per questionnaire, unit and leaf, the counts per option, the valid
 * answers and the points; then every answer with its anonymous submission id, so each number can be recounted. No
 * sheet carries a respondent.
 */
export async function buildSurveyExport(
  db: DbOrTx,
  periodId: string,
  stamp: AuditStamp | null,
): Promise<Buffer> {
  const results = await computeSurveyResults(db, periodId);
  const wb = new (await loadExcel()).Workbook();
  const summary = wb.addWorksheet("KetQua");
  const optionCodes = [
    ...new Set(results.questionnaires.flatMap((q) => q.questionnaire.options.map((o) => o.code))),
  ];
  summary.columns = [
    { header: "Phiếu / Questionnaire", key: "q", width: 40 },
    { header: "Nhóm / Group", key: "group", width: 12 },
    { header: "Đơn vị / Unit", key: "unit", width: 40 },
    { header: "Số phiếu / Responses", key: "responses", width: 12 },
    { header: "Mã / Leaf", key: "code", width: 10 },
    { header: "Điểm tối đa / Max", key: "max", width: 10 },
    ...optionCodes.map((c) => ({ header: c, key: `o_${c}`, width: 6 })),
    { header: "Hợp lệ / Valid", key: "valid", width: 10 },
    { header: "Điểm / Points", key: "points", width: 10 },
    { header: "Cảnh báo / Flag", key: "flag", width: 16 },
  ];
  summary.getRow(1).font = XLSX_HEADER.font;
  for (const q of results.questionnaires)
    for (const u of q.units)
      for (const l of u.leaves)
        summary.addRow({
          q: q.questionnaire.title,
          group: q.questionnaire.respondentGroup,
          unit: u.unitName,
          responses: u.responses,
          code: l.code,
          max: centiToNumber(l.maxPoints),
          ...Object.fromEntries(optionCodes.map((c) => [`o_${c}`, l.counts[c] ?? 0])),
          valid: l.valid,
          points: centiToNumber(l.points),
          flag: l.flag ?? "",
        });
  const answers = wb.addWorksheet("TraLoi");
  answers.columns = [
    { header: "Phiếu / Questionnaire", key: "q", width: 40 },
    { header: "Mã phiếu trả lời / Submission", key: "submission", width: 38 },
    { header: "Nguồn / Source", key: "source", width: 8 },
    { header: "Số phiếu giấy / Form no.", key: "form", width: 10 },
    { header: "Đơn vị / Unit", key: "unit", width: 40 },
    { header: "Mã / Leaf", key: "code", width: 10 },
    { header: "Câu hỏi / Question", key: "question", width: 50 },
    { header: "Trả lời / Answer", key: "option", width: 8 },
  ];
  answers.getRow(1).font = XLSX_HEADER.font;
  const rows = await db
    .select({
      q: t.surveyQuestionnaires.title,
      submission: t.surveySubmissions.id,
      source: t.surveySubmissions.source,
      form: t.surveySubmissions.formNumber,
      unit: t.units.name,
      code: t.surveyQuestions.itemCode,
      question: t.surveyQuestions.text,
      option: t.surveyAnswers.option,
    })
    .from(t.surveyAnswers)
    .innerJoin(t.surveySubmissions, eq(t.surveySubmissions.id, t.surveyAnswers.submissionId))
    .innerJoin(t.surveyQuestionnaires, eq(t.surveyQuestionnaires.id, t.surveySubmissions.questionnaireId))
    .innerJoin(t.units, eq(t.units.id, t.surveyAnswers.unitId))
    .innerJoin(t.surveyQuestions, eq(t.surveyQuestions.id, t.surveyAnswers.questionId))
    .where(eq(t.surveyQuestionnaires.periodId, periodId))
    // Ordered by the random submission id, never by arrival: the order must not hint at who answered when.
    .orderBy(asc(t.surveySubmissions.id), asc(t.units.name), asc(t.surveyQuestions.sortOrder));
  for (const r of rows) answers.addRow({ ...r, form: r.form ?? "" });
  addAuditSheet(wb, stamp);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
