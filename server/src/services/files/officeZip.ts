import zlib from "node:zlib";
import { AppError } from "../../http/errors";

/**
 * Office files (.docx, .xlsx) are zip packages. Before one is stored or read, every entry is really inflated — as a
 * stream, counted, stopped at the limit — because the sizes a zip's directory states are the author's word: a
 * directory may claim 40 kB for an entry that inflates to gigabytes. Packages with parts that run code (VBA
 * projects, Excel 4.0 macro sheets, ActiveX controls, OLE objects, macro-enabled content types, remote templates)
 * are refused: evidence is read by council members on their own machines. Embedded packages (a workbook inside a
 * document) are inspected the same way, within the same budget.
 */
export interface ZipLimits {
  /** Inflated bytes of the whole package, embedded packages included. */
  maxTotal: number;
  /** Inflated bytes of one entry. */
  maxEntry: number;
  /** Entries, embedded packages' included. */
  maxEntries: number;
  /** Inflated bytes per byte of the file. */
  maxRatio: number;
  /** Packages inside packages. */
  maxDepth: number;
}

export const OFFICE_LIMITS: ZipLimits = {
  maxTotal: 200 * 1024 * 1024,
  maxEntry: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 100,
  maxDepth: 2,
};

export type ZipRefusal = "bad_zip" | "zip_bomb" | "macro";
export type ZipInspection =
  { ok: true; names: Set<string> } | { ok: false; reason: ZipRefusal; detail: string };

class Refused extends Error {
  constructor(
    readonly reason: ZipRefusal,
    readonly detail: string,
  ) {
    super(detail);
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  localOffset: number;
}

// Parts that carry code, wherever they sit in the package.
const CODE_PARTS: [RegExp, string][] = [
  [/(^|\/)vbaproject\.bin$/i, "VBA project"],
  [/(^|\/)vbadata\.xml$/i, "VBA data"],
  [/(^|\/)activex\//i, "ActiveX control"],
  [/(^|\/)(macrosheets|dialogsheets)\//i, "Excel 4.0 macro sheet"],
  [/(^|\/)oleobject\d*\.bin$/i, "embedded OLE object"],
  // Macro-enabled packages, and the legacy binary formats (which carry VBA inside), embedded in a document.
  [
    /\.(docm|xlsm|pptm|dotm|xltm|potm|xlam|ppam|doc|xls|ppt)$/i,
    "embedded macro-enabled or legacy Office file",
  ],
];
// What a macro-enabled package or a remote template says of itself in its XML.
const CODE_MARKERS: [RegExp, string][] = [
  [/macroEnabled|vbaProject|ms-office\.activeX|ms-excel\.(intl)?macrosheet/i, "macro-enabled content type"],
  [
    /relationships\/attachedTemplate"[^>]*TargetMode="External"|TargetMode="External"[^>]*relationships\/attachedTemplate"/i,
    "remote template",
  ],
];
const NESTED = /\.(docx|xlsx|pptx|zip)$/i;
// Small XML parts read whole, to look for CODE_MARKERS.
const READ_WHOLE = /(^\[Content_Types\]\.xml$|\.rels$)/i;
const MAX_READ = 1024 * 1024;

/** Inspects an Office package within the limits: its entry names, or why it is refused. */
export async function inspectOfficeZip(
  bytes: Buffer,
  limits: ZipLimits = OFFICE_LIMITS,
): Promise<ZipInspection> {
  const budget = {
    left: Math.min(limits.maxTotal, bytes.length * limits.maxRatio),
    entries: limits.maxEntries,
  };
  try {
    return { ok: true, names: await inspect(bytes, limits, budget, 0) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason, detail: err.detail };
    throw err;
  }
}

async function inspect(
  bytes: Buffer,
  limits: ZipLimits,
  budget: { left: number; entries: number },
  depth: number,
): Promise<Set<string>> {
  const entries = readCentralDirectory(bytes);
  budget.entries -= entries.length;
  if (budget.entries < 0) throw new Refused("zip_bomb", `more than ${limits.maxEntries} entries`);
  let claimed = 0;
  for (const e of entries) {
    const part = CODE_PARTS.find(([re]) => re.test(e.name));
    if (part) throw new Refused("macro", `${part[1]}: ${e.name}`);
    // The directory's own word first: a package that admits to too much is refused before any inflating.
    claimed += e.size;
    if (e.size > limits.maxEntry || claimed > budget.left)
      throw new Refused("zip_bomb", `${e.name} claims ${e.size} bytes`);
  }
  for (const e of entries) {
    const keep = READ_WHOLE.test(e.name) || NESTED.test(e.name);
    const chunks: Buffer[] = [];
    const size = await inflateEntry(bytes, e, Math.min(e.size, budget.left), keep ? chunks : null);
    budget.left -= size;
    if (!keep) continue;
    const content = Buffer.concat(chunks);
    if (NESTED.test(e.name)) {
      if (depth >= limits.maxDepth)
        throw new Refused("zip_bomb", `packages nested deeper than ${limits.maxDepth}`);
      if (content.length >= 4 && content.readUInt32LE(0) === 0x04034b50)
        await inspect(content, limits, budget, depth + 1);
      continue;
    }
    if (content.length > MAX_READ) throw new Refused("zip_bomb", `${e.name} is ${content.length} bytes`);
    const marker = CODE_MARKERS.find(([re]) => re.test(content.toString("utf8")));
    if (marker) throw new Refused("macro", `${marker[1]} in ${e.name}`);
  }
  return new Set(entries.map((e) => e.name));
}

/**
 * Inflates one entry, counting, and stops at `limit`: more than the directory claimed is a bomb (or a directory
 * lying to readers that trust it), less is a damaged or doctored package. Keeps the bytes only when asked.
 */
function inflateEntry(bytes: Buffer, e: Entry, limit: number, keep: Buffer[] | null): Promise<number> {
  const data = entryData(bytes, e);
  const check = (n: number) => {
    if (n > limit) throw new Refused("zip_bomb", `${e.name} inflates past ${limit} bytes`);
  };
  if (e.method === 0) {
    check(data.length);
    if (data.length !== e.size) throw new Refused("bad_zip", `${e.name}: stored size differs`);
    keep?.push(data);
    return Promise.resolve(data.length);
  }
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw();
    let n = 0;
    inflater.on("data", (chunk: Buffer) => {
      n += chunk.length;
      try {
        check(n);
      } catch (err) {
        inflater.destroy();
        return reject(err);
      }
      keep?.push(chunk);
    });
    inflater.on("error", () => reject(new Refused("bad_zip", `${e.name}: damaged deflate data`)));
    inflater.on("end", () =>
      n === e.size
        ? resolve(n)
        : reject(new Refused("bad_zip", `${e.name}: ${n} bytes, the directory says ${e.size}`)),
    );
    inflater.end(data);
  });
}

/** The compressed bytes of an entry, found through its local header, which must agree with the directory. */
function entryData(b: Buffer, e: Entry): Buffer {
  const at = e.localOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== 0x04034b50)
    throw new Refused("bad_zip", `${e.name}: no local header`);
  const nameLength = b.readUInt16LE(at + 26);
  const start = at + 30 + nameLength + b.readUInt16LE(at + 28);
  if (b.toString("utf8", at + 30, at + 30 + nameLength) !== e.name)
    throw new Refused("bad_zip", `${e.name}: the local header names another entry`);
  if (start + e.compressed > b.length) throw new Refused("bad_zip", `${e.name}: truncated`);
  return b.subarray(start, start + e.compressed);
}

/** Entries of a zip's central directory, or a refusal when it is no well-formed, unencrypted zip. */
function readCentralDirectory(b: Buffer): Entry[] {
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  const from = Math.max(0, b.length - 65_557);
  let eocd = -1;
  for (let i = b.length - 22; i >= from; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Refused("bad_zip", "no end of central directory");
  const count = b.readUInt16LE(eocd + 10);
  let offset = b.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > b.length || b.readUInt32LE(offset) !== 0x02014b50)
      throw new Refused("bad_zip", "damaged central directory");
    const nameLength = b.readUInt16LE(offset + 28);
    const entry: Entry = {
      flags: b.readUInt16LE(offset + 8),
      method: b.readUInt16LE(offset + 10),
      compressed: b.readUInt32LE(offset + 20),
      size: b.readUInt32LE(offset + 24),
      name: b.toString("utf8", offset + 46, offset + 46 + nameLength),
      localOffset: b.readUInt32LE(offset + 42),
    };
    // 0xFFFFFFFF means ZIP64 sizes: larger than any document we accept.
    if (entry.size === 0xffffffff || entry.compressed === 0xffffffff)
      throw new Refused("zip_bomb", `${entry.name}: ZIP64 sizes`);
    if (entry.flags & 1) throw new Refused("bad_zip", `${entry.name}: encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new Refused("bad_zip", `${entry.name}: method ${entry.method}`);
    entries.push(entry);
    offset += 46 + nameLength + b.readUInt16LE(offset + 30) + b.readUInt16LE(offset + 32);
  }
  return entries;
}

/** The user's message for a refused package, in the error vocabulary (415 unsupported_file). */
export function zipRefused(reason: ZipRefusal, detail?: string): AppError {
  const messages: Record<ZipRefusal, { vi: string; en: string }> = {
    zip_bomb: {
      vi: "Tệp nén bất thường (giải nén quá lớn), không được chấp nhận.",
      en: "Abnormal compressed file (inflates too large); refused.",
    },
    macro: {
      vi:
        "Tệp Office chứa macro hoặc thành phần có thể thực thi (VBA, ActiveX, đối tượng OLE, mẫu từ xa), không được " +
        "chấp nhận. Vui lòng lưu lại thành tệp .docx/.xlsx không có macro hoặc xuất ra PDF rồi tải lên.",
      en:
        "The Office file contains macros or executable parts (VBA, ActiveX, OLE objects, remote templates) and is " +
        "refused. Please save it as a macro-free .docx/.xlsx, or export it to PDF, and upload that.",
    },
    bad_zip: {
      vi: "Tệp Word/Excel bị hỏng hoặc có cấu trúc nén không hợp lệ, không được chấp nhận.",
      en: "The Word/Excel file is damaged or its compressed structure is invalid; refused.",
    },
  };
  return new AppError("unsupported_file", { reason, ...(detail ? { detail } : {}) }, messages[reason]);
}

/** Refuses a spreadsheet to import unless it inflates within the limits and carries no code. */
export async function assertSafeWorkbook(bytes: Buffer): Promise<void> {
  const inspected = await inspectOfficeZip(bytes);
  if (!inspected.ok) throw zipRefused(inspected.reason, inspected.detail);
}
