/**
 * Decides a file's type from its bytes, never from its name or the browser's word (DESIGN §5, TARGETS S7).
 * Office files are zip containers: their central directory is read (not inflated) to check that they are what
 * they claim and that they would not inflate to something huge (zip bombs).
 */
export type Sniffed = { kind: "pdf" | "docx" | "xlsx" | "jpg" | "png"; mime: string; ext: string };

const MIME: Record<Sniffed["kind"], string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  png: "image/png",
};

const MAX_INFLATED = 200 * 1024 * 1024;
const MAX_RATIO = 100;
const MAX_ENTRIES = 10_000;

export type SniffResult =
  { ok: true; type: Sniffed } | { ok: false; reason: "unknown_type" | "zip_bomb" | "bad_zip" };

/** The file's real type, or why it is refused. */
export function sniffFile(bytes: Buffer): SniffResult {
  const is = (sig: number[], offset = 0) => sig.every((b, i) => bytes[offset + i] === b);
  const found = (kind: Sniffed["kind"]): SniffResult => ({
    ok: true,
    type: { kind, mime: MIME[kind], ext: kind },
  });
  if (is([0x25, 0x50, 0x44, 0x46, 0x2d])) return found("pdf"); // %PDF-
  if (is([0xff, 0xd8, 0xff])) return found("jpg");
  if (is([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return found("png");
  if (is([0x50, 0x4b, 0x03, 0x04])) return sniffOfficeZip(bytes);
  return { ok: false, reason: "unknown_type" };
}

function sniffOfficeZip(bytes: Buffer): SniffResult {
  const entries = readCentralDirectory(bytes);
  if (!entries) return { ok: false, reason: "bad_zip" };
  const inflated = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  if (entries.length > MAX_ENTRIES || inflated > MAX_INFLATED || inflated > bytes.length * MAX_RATIO)
    return { ok: false, reason: "zip_bomb" };
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml")) return { ok: false, reason: "unknown_type" };
  if (names.has("word/document.xml"))
    return { ok: true, type: { kind: "docx", mime: MIME.docx, ext: "docx" } };
  if (names.has("xl/workbook.xml")) return { ok: true, type: { kind: "xlsx", mime: MIME.xlsx, ext: "xlsx" } };
  return { ok: false, reason: "unknown_type" };
}

/** Entries of a zip's central directory (name, uncompressed size), or null when it is not a well-formed zip. */
function readCentralDirectory(b: Buffer): { name: string; uncompressed: number }[] | null {
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  const from = Math.max(0, b.length - 65_557);
  let eocd = -1;
  for (let i = b.length - 22; i >= from; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let offset = b.readUInt32LE(eocd + 16);
  const entries: { name: string; uncompressed: number }[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > b.length || b.readUInt32LE(offset) !== 0x02014b50) return null;
    const uncompressed = b.readUInt32LE(offset + 24);
    const nameLength = b.readUInt16LE(offset + 28);
    const extra = b.readUInt16LE(offset + 30);
    const comment = b.readUInt16LE(offset + 32);
    // 0xFFFFFFFF means ZIP64 sizes: larger than any document we accept.
    entries.push({
      name: b.toString("utf8", offset + 46, offset + 46 + nameLength),
      uncompressed: uncompressed === 0xffffffff ? Infinity : uncompressed,
    });
    offset += 46 + nameLength + extra + comment;
  }
  return entries;
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
