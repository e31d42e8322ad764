import { inspectOfficeZip, type ZipRefusal } from "./officeZip";

/**
 * Decides a file's type from its bytes, never from its name or the browser's word (docs/security.md, docs/targets.md S7).
 * Office files are zip packages: they are inflated within limits and searched for code first (`officeZip.ts`).
 */
export type Sniffed = { kind: "pdf" | "docx" | "xlsx" | "jpg" | "png"; mime: string; ext: string };

const MIME: Record<Sniffed["kind"], string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  png: "image/png",
};

export type SniffResult =
  { ok: true; type: Sniffed } | { ok: false; reason: "unknown_type" | ZipRefusal; detail?: string };

/** The file's real type, or why it is refused. */
export async function sniffFile(bytes: Buffer): Promise<SniffResult> {
  const is = (sig: number[], offset = 0) => sig.every((b, i) => bytes[offset + i] === b);
  const found = (kind: Sniffed["kind"]): SniffResult => ({
    ok: true,
    type: { kind, mime: MIME[kind], ext: kind },
  });
  if (is([0x25, 0x50, 0x44, 0x46, 0x2d])) return found("pdf"); // %PDF-
  if (is([0xff, 0xd8, 0xff])) return found("jpg");
  if (is([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return found("png");
  if (!is([0x50, 0x4b, 0x03, 0x04])) return { ok: false, reason: "unknown_type" };
  const inspected = await inspectOfficeZip(bytes);
  if (!inspected.ok) return inspected;
  const names = inspected.names;
  if (!names.has("[Content_Types].xml")) return { ok: false, reason: "unknown_type" };
  if (names.has("word/document.xml")) return found("docx");
  if (names.has("xl/workbook.xml")) return found("xlsx");
  return { ok: false, reason: "unknown_type" };
}

/** A display name safe to store and to put in Content-Disposition: no path, no control characters, bounded. */
export function safeFileName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 150);
  const stem = cleaned.replace(/\.[^.]*$/, "") || "tep";
  return `${stem}.${ext}`;
}
