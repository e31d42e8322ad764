import { Document, Packer, PageBreak, Paragraph } from "docx";
import { formatPoints, whyFootnote, type ClassificationBand, type TRankedUnit } from "@ca/shared";
import type { ExportData } from "./exportData";
import { auditStampLine, type AuditStamp } from "./auditStamp";
import { dataTable, headerBlock, p, PAGE, signatureBlock, STYLES } from "./docxStyle";

const pts = (n: number | null) => (n === null ? "-" : formatPoints(Math.round(n * 100), "vi"));
// A unit not yet appraised has no rank (docs/api.md: listed unranked).
const rankText = (rank: number | null) => (rank === null ? "Chưa xếp hạng" : String(rank));
/**
 * The bands of one table, footnoted (docs/periods-and-classification.md: why a unit has its band): a band an
 * override or a quota set carries a marker "(1)", "(2)"…, and the notes follow the table.
 */
function footnoter(bands: readonly ClassificationBand[]) {
  const notes: string[] = [];
  return {
    band(label: string | null, why: TRankedUnit["why"]): string {
      const note = whyFootnote(why, bands, "vi");
      if (!note) return label ?? "-";
      notes.push(note);
      return `${label ?? "-"} (${notes.length})`;
    },
    paragraphs: () => notes.map((n, i) => p(`(${i + 1}) ${n}`, { italics: true, indent: true })),
  };
}

/**
 * The report to UBND tỉnh (docs/domain.md §2 step 9–10): summary, ranking per unit type, classification, the council's
 * agreement, and an annex of per-area scores, in Vietnamese administrative style. Its figures are those of the
 * published results (or, before publication, the current ones, and the document says it is a draft).
 */
export async function reportDocument(data: ExportData, stamp: AuditStamp | null): Promise<Buffer> {
  const r = data.results;
  const children: (Paragraph | ReturnType<typeof dataTable> | ReturnType<typeof headerBlock>)[] = [
    headerBlock({
      parent: "UBND TỈNH PHÚ YÊN",
      issuer: "SỞ NỘI VỤ",
      number: data.documentNumber ?? "     /BC-SNV",
      place: "Phú Yên",
      date: data.issuedAt,
    }),
    p(""),
    p("BÁO CÁO", { bold: true, align: "center" }),
    p(`Kết quả xác định Chỉ số chất lượng hoạt động của các cơ quan, đơn vị - ${r.periodName}`, {
      bold: true,
      align: "center",
    }),
    ...(data.final ? [] : [p("(DỰ THẢO - kết quả chưa được công bố)", { italics: true, align: "center" })]),
    p("Kính gửi: Ủy ban nhân dân tỉnh Phú Yên.", { align: "center" }),
    p("I. TÓM TẮT", { bold: true }),
    p(
      `Thực hiện Kế hoạch của UBND tỉnh, Hội đồng thẩm định đã thẩm định hồ sơ tự đánh giá của ${r.unitTypes.reduce(
        (s, u) => s + u.rows.length,
        0,
      )} cơ quan, đơn vị qua hai vòng, tổ chức họp thống nhất kết quả. Sở Nội vụ (cơ quan thường trực) báo cáo kết quả như sau:`,
      { indent: true },
    ),
    ...r.unitTypes.map((u) => {
      // Units not yet appraised count in no band.
      const counts = new Map<string, number>();
      for (const row of u.rows)
        if (row.standing === "ranked")
          counts.set(row.classificationLabel ?? "-", (counts.get(row.classificationLabel ?? "-") ?? 0) + 1);
      const best = u.rows[0];
      return p(
        `- ${u.name}: ${u.rows.length} đơn vị; ${[...counts].map(([k, n]) => `${k}: ${n}`).join("; ")}. ` +
          (best?.rank ? `Dẫn đầu: ${best.unit.name} (${pts(best.total)} điểm).` : ""),
        { indent: true },
      );
    }),
    p("II. KẾT QUẢ XẾP HẠNG, XẾP LOẠI", { bold: true }),
  ];
  r.unitTypes.forEach((u, i) => {
    const notes = footnoter(data.live.bands);
    children.push(p(`${i + 1}. ${u.name}`, { bold: true }));
    children.push(
      dataTable(
        ["Hạng", "Đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp loại"],
        u.rows.map((row) => [
          rankText(row.rank),
          row.unit.name,
          pts(row.total),
          pts(row.index),
          notes.band(row.classificationLabel, row.why),
        ]),
        [9, 45, 15, 15, 16],
      ),
    );
    children.push(...notes.paragraphs());
    children.push(p(""));
  });
  children.push(p("III. Ý KIẾN THỐNG NHẤT CỦA HỘI ĐỒNG THẨM ĐỊNH", { bold: true }));
  if (!data.agreements.length)
    children.push(p("Hội đồng chưa thống nhất kết quả.", { italics: true, indent: true }));
  for (const a of data.agreements) {
    const at = new Date(a.agreedAt.getTime() + 7 * 3_600_000);
    children.push(
      p(
        `- ${a.unitTypeName}: Hội đồng thống nhất kết quả xếp hạng tại phiên họp ngày ${String(at.getUTCDate()).padStart(2, "0")}/${String(
          at.getUTCMonth() + 1,
        ).padStart(
          2,
          "0",
        )}/${at.getUTCFullYear()} (chủ trì: ${a.agreedBy}), gồm ${a.ranking.length} đơn vị; biên bản kèm theo.`,
        { indent: true },
      ),
    );
  }
  children.push(p("IV. KIẾN NGHỊ", { bold: true }));
  children.push(
    p(
      "Sở Nội vụ kính đề nghị UBND tỉnh xem xét, công bố kết quả; làm căn cứ đánh giá trách nhiệm người đứng đầu, cấp phó và công tác thi đua, khen thưởng năm " +
        `${r.year}.`,
      { indent: true },
    ),
  );
  children.push(
    signatureBlock({
      recipients: [
        "Như trên",
        "Chủ tịch, các PCT UBND tỉnh",
        "Các thành viên Hội đồng thẩm định",
        "Lưu: VT, CCHC",
      ],
      role: "GIÁM ĐỐC",
      name: "",
    }),
  );
  children.push(new Paragraph({ children: [new PageBreak()] }));
  children.push(p("PHỤ LỤC", { bold: true, align: "center" }));
  children.push(p("ĐIỂM THEO TỪNG LĨNH VỰC", { bold: true, align: "center" }));
  children.push(
    p(`(Kèm theo Báo cáo số ${data.documentNumber ?? "     /BC-SNV"})`, { italics: true, align: "center" }),
  );
  for (const u of r.unitTypes) {
    children.push(p(u.name, { bold: true }));
    const areas = u.rows[0]?.areas ?? [];
    children.push(
      p(areas.map((a) => `LV ${a.code}: ${a.title} (tối đa ${pts(a.max)})`).join("; "), {
        italics: true,
        size: 22,
      }),
    );
    const w = Math.floor(60 / Math.max(areas.length, 1));
    children.push(
      dataTable(
        ["Hạng", "Đơn vị", ...areas.map((a) => `LV ${a.code}`), "Tổng"],
        u.rows.map((row) => [
          rankText(row.rank),
          row.unit.name,
          ...row.areas.map((a) => pts(a.achieved)),
          pts(row.total),
        ]),
        [7, 100 - 7 - 10 - w * areas.length, ...areas.map(() => w), 10],
      ),
    );
    children.push(p(""));
  }
  children.push(p(auditStampLine(stamp), { italics: true, size: 18 }));
  const doc = new Document({
    creator: "Council Appraisal",
    title: `Báo cáo kết quả ${r.periodName}`,
    styles: STYLES,
    sections: [{ properties: PAGE, children }],
  });
  return Packer.toBuffer(doc);
}

/** The council meeting's minutes (from the recorded agreements), one part per unit type with its agreed ranking. */
export async function minutesDocument(data: ExportData, stamp: AuditStamp | null): Promise<Buffer> {
  const children: (Paragraph | ReturnType<typeof dataTable> | ReturnType<typeof headerBlock>)[] = [];
  data.agreements.forEach((a, i) => {
    if (i > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(
      headerBlock({
        parent: "UBND TỈNH PHÚ YÊN",
        issuer: "HỘI ĐỒNG THẨM ĐỊNH",
        number: `      /BB-HĐTĐ`,
        place: "Phú Yên",
        date: a.agreedAt,
      }),
      p(""),
    );
    for (const [j, line] of a.minutes.split(/\r?\n/).entries())
      children.push(
        j === 0 ? p(line, { bold: true, align: "center" }) : p(line, { indent: line.trim() !== "" }),
      );
    children.push(p(`Bảng xếp hạng ${a.unitTypeName} được Hội đồng thống nhất:`, { bold: true }));
    const notes = footnoter(data.live.bands);
    children.push(
      dataTable(
        ["Hạng", "Đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp loại"],
        a.ranking.map((row) => [
          rankText(row.rank),
          row.unit.name,
          pts(row.total),
          pts(row.index),
          notes.band(
            data.live.bands.find((b) => b.code === row.classification)?.label ?? row.classification,
            row.why,
          ),
        ]),
        [9, 45, 15, 15, 16],
      ),
    );
    children.push(...notes.paragraphs());
    children.push(
      signatureBlock({
        recipients: ["Các thành viên Hội đồng", "Lưu: VT"],
        role: "CHỦ TỊCH HỘI ĐỒNG",
        name: a.agreedBy,
      }),
    );
  });
  if (!data.agreements.length)
    children.push(p("Hội đồng chưa có biên bản thống nhất kết quả.", { italics: true }));
  children.push(p(auditStampLine(stamp), { italics: true, size: 18 }));
  const doc = new Document({
    creator: "Council Appraisal",
    title: "Biên bản họp Hội đồng thẩm định",
    styles: STYLES,
    sections: [{ properties: PAGE, children }],
  });
  return Packer.toBuffer(doc);
}
