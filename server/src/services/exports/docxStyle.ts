import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
} from "docx";

/** Vietnamese administrative style (Decree 30/2020/NĐ-CP): Times New Roman, body 14 pt, tables 13 pt. */
export const FONT = "Times New Roman";
export const BODY = 28; // half-points
export const TABLE = 26;

export const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: BODY }, paragraph: { spacing: { after: 80, line: 300 } } },
  },
};

/** A4 with the decree's margins: top/bottom 2 cm, left 3 cm, right 1.5 cm (in twips). */
export const PAGE = { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 851 } } };

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

export function p(
  text: string,
  o: {
    bold?: boolean;
    italics?: boolean;
    size?: number;
    align?: "center" | "right" | "both" | "left";
    indent?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment:
      o.align === "center"
        ? AlignmentType.CENTER
        : o.align === "right"
          ? AlignmentType.RIGHT
          : o.align === "left"
            ? AlignmentType.LEFT
            : AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: 567 } : undefined,
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size, font: FONT })],
  });
}

/**
 * The heading block of an administrative document: the issuing body and số ký hiệu on the left, the national
 * title (Quốc hiệu và Tiêu ngữ) and the place and date on the right.
 */
export function headerBlock(o: {
  parent: string;
  issuer: string;
  number: string;
  place: string;
  date: Date;
}) {
  const d = new Date(o.date.getTime() + 7 * 3_600_000); // the date in Vietnam
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const cell = (children: Paragraph[], pct: number) =>
    new TableCell({ children, width: { size: pct, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              p(o.parent, { align: "center", size: TABLE }),
              p(o.issuer, { align: "center", bold: true, size: TABLE }),
              p("_______", { align: "center", size: TABLE }),
              p(`Số: ${o.number}`, { align: "center", size: TABLE }),
            ],
            40,
          ),
          cell(
            [
              p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { align: "center", bold: true, size: TABLE }),
              p("Độc lập - Tự do - Hạnh phúc", { align: "center", bold: true }),
              p("_______________________", { align: "center", size: TABLE }),
              p(`${o.place}, ngày ${dd} tháng ${mm} năm ${d.getUTCFullYear()}`, {
                align: "center",
                italics: true,
              }),
            ],
            60,
          ),
        ],
      }),
    ],
  });
}

/** A bordered table with a bold header row, 13 pt. */
export function dataTable(header: string[], rows: string[][], widths: number[]): Table {
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.PERCENTAGE },
      children: [
        p(text, { bold, size: TABLE, align: i === 0 || bold ? "center" : i >= 2 ? "center" : "left" }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}

/** The signature block: recipients on the left, the signer on the right. */
export function signatureBlock(o: { recipients: string[]; role: string; name: string }) {
  const cell = (children: Paragraph[], pct: number) =>
    new TableCell({ children, width: { size: pct, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              p("Nơi nhận:", { bold: true, italics: true, size: 24, align: "left" }),
              ...o.recipients.map((r) => p(`- ${r};`, { size: 22, align: "left" })),
            ],
            50,
          ),
          cell(
            [
              p(o.role, { bold: true, align: "center" }),
              p(""),
              p(""),
              p(""),
              p(o.name, { bold: true, align: "center" }),
            ],
            50,
          ),
        ],
      }),
    ],
  });
}
