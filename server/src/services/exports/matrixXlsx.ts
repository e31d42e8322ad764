import { PassThrough } from "node:stream";
import { loadExcel } from "../spreadsheets/excel";
import { centiToNumber, figuresToView, leafPoints, officialScore, type StageScores } from "@ca/shared";
import { councilStages, unitInputOf } from "../dossierScoring";
import type { PeriodResults } from "../results/periodResults";
import { sheetName } from "./rankingXlsx";
import { addAuditSheet, type AuditStamp } from "./auditStamp";
import { answerKey, type StageAnswers } from "../../queries/stageAnswers";

const STAGE_COLUMNS: [keyof StageScores, string][] = [
  ["self", "Tự chấm"],
  ["round1", "TĐ lần 1"],
  ["round2", "TĐ lần 2"],
  ["agreed", "Thống nhất"],
];
const num = (c: number | null | undefined) => (c === null || c === undefined ? null : centiToNumber(c));
/** The column beside a kinded leaf's points: each stage's level or figures (docs/scoring-kinds.md). */
export const ANSWERS_LABEL = "Mức / số liệu";
const SHORT: Record<string, string> = { self: "TC", round1: "TĐ1", round2: "TĐ2", agreed: "TN" };

/** "TC: 19/20 · TĐ1: 15/20": what each stage the council sees recorded, in workflow order. */
function answersText(
  answers: StageAnswers,
  dossierId: string,
  itemId: string,
  stages: ReadonlySet<string>,
): string {
  return STAGE_COLUMNS.filter(([stage]) => stages.has(stage))
    .map(([stage]) => [stage, answers.get(answerKey(dossierId, itemId, stage))] as const)
    .filter(([, a]) => a && (a.level || a.figures))
    .map(([stage, a]) => {
      const f = a!.figures && figuresToView(a!.figures);
      const text = a!.level ?? (f && ("value" in f ? `${f.value}` : `${f.numerator}/${f.denominator}`));
      return `${SHORT[stage]}: ${text}`;
    })
    .join(" · ");
}

/**
 * The full matrix (docs/targets.md P10): one sheet per unit type, one row per unit, and for every leaf (bonus and penalty
 * items included) its score at each stage plus the official one — the same confirmed scores the totals and the
 * ranking are computed from, so each row's leaves add up to the total on screen.
 */
export async function matrixWorkbook(
  results: PeriodResults,
  stamp: AuditStamp | null,
  answers: StageAnswers = new Map(),
): Promise<Buffer> {
  // The streaming writer without shared strings: about twice as fast as the in-memory workbook on this size.
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const wb = new (await loadExcel()).stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = "Council Appraisal";
  for (const type of results.unitTypes) {
    const leaves = type.rows[0]?.scoring.state.leaves ?? [];
    const ws = wb.addWorksheet(sheetName(type.name), { views: [{ state: "frozen", ySplit: 2, xSplit: 3 }] });
    ws.getColumn(3).width = 40;
    const fixed = ["Hạng", "Mã đơn vị", "Đơn vị", "Trạng thái", "Tổng điểm", "Chỉ số (%)"];
    const stages = [...STAGE_COLUMNS.map(([, label]) => label), "Chính thức"];
    const kinded = (l: (typeof leaves)[number]) => l.scoringKind !== "points";
    const head = ws.addRow([
      ...fixed,
      ...leaves.flatMap((l) => [`${l.code} ${l.title}`, "", "", "", "", ...(kinded(l) ? [""] : [])]),
    ]);
    head.font = { bold: true };
    head.commit();
    const sub = ws.addRow([
      ...fixed.map(() => ""),
      ...leaves.flatMap((l) => (kinded(l) ? [...stages, ANSWERS_LABEL] : stages)),
    ]);
    sub.font = { italic: true };
    sub.commit();
    for (const row of type.rows) {
      const seen = councilStages(row.status);
      const input = unitInputOf(row.scoring.state, seen);
      const cells: (string | number | null)[] = [
        row.rank,
        row.unit.code,
        row.unit.name,
        row.status,
        num(row.totals.total),
        num(row.totals.index),
      ];
      const insideByCode = new Map(input.leaves.map((l) => [l.code, l]));
      for (const leaf of leaves) {
        const s = input.scores[leaf.code];
        for (const [stage] of STAGE_COLUMNS) cells.push(num(s?.[stage]));
        const inside = insideByCode.get(leaf.code);
        cells.push(num(inside ? leafPoints(inside, input) : (officialScore(s) ?? 0)));
        if (kinded(leaf)) cells.push(answersText(answers, row.dossierId, leaf.id, seen));
      }
      ws.addRow(cells).commit();
    }
    ws.commit();
  }
  addAuditSheet(wb, stamp);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
