import { PassThrough } from "node:stream";
import { loadExcel } from "../excel";
import { centiToNumber, leafPoints, officialScore, type StageScores } from "@ca/shared";
import { councilStages, unitInputOf } from "../dossierScoring";
import type { PeriodResults } from "../results/periodResults";
import { sheetName } from "./rankingXlsx";
import { addAuditSheet, type AuditStamp } from "./auditStamp";

const STAGE_COLUMNS: [keyof StageScores, string][] = [
  ["self", "Tự chấm"],
  ["round1", "TĐ lần 1"],
  ["round2", "TĐ lần 2"],
  ["agreed", "Thống nhất"],
];
const num = (c: number | null | undefined) => (c === null || c === undefined ? null : centiToNumber(c));

/**
 * The full matrix (TARGETS P10): one sheet per unit type, one row per unit, and for every leaf (bonus and penalty
 * items included) its score at each stage plus the official one — the same confirmed scores the totals and the
 * ranking are computed from, so each row's leaves add up to the total on screen.
 */
export async function matrixWorkbook(results: PeriodResults, stamp: AuditStamp | null): Promise<Buffer> {
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
    const head = ws.addRow([...fixed, ...leaves.flatMap((l) => [`${l.code} ${l.title}`, "", "", "", ""])]);
    head.font = { bold: true };
    head.commit();
    const sub = ws.addRow([...fixed.map(() => ""), ...leaves.flatMap(() => stages)]);
    sub.font = { italic: true };
    sub.commit();
    for (const row of type.rows) {
      const input = unitInputOf(row.scoring.state, councilStages(row.status));
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
