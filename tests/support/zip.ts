/**
 * A small zip writer for hostile Office files: real deflate data, with central-directory sizes that may lie.
 */
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";

export interface ZipEntry {
  name: string;
  /** The bytes (deflated here), or a count of zero bytes deflated as a stream (large without the memory). */
  data: Buffer | { zeros: number };
  /** The uncompressed size the headers claim; default the real one. */
  claims?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(chunks: Iterable<Buffer>): number {
  let c = 0xffffffff;
  for (const b of chunks) for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const zerosCache = new Map<number, { compressed: Buffer; crc: number }>();

/** `n` zero bytes deflated chunk by chunk (250 MiB never sits in memory), with their CRC. */
async function deflatedZeros(n: number): Promise<{ compressed: Buffer; crc: number }> {
  const hit = zerosCache.get(n);
  if (hit) return hit;
  const chunk = Buffer.alloc(1 << 20);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  function* pieces() {
    for (let left = n; left > 0; left -= chunk.length)
      yield left >= chunk.length ? chunk : chunk.subarray(0, left);
  }
  for (const piece of pieces())
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once("drain", resolve));
  deflate.end();
  await done;
  const result = { compressed: Buffer.concat(out), crc: crc32(pieces()) };
  zerosCache.set(n, result);
  return result;
}

/** A zip of the entries, deflated; each header claims `claims` (if given) as the entry's uncompressed size. */
export async function zipOf(entries: ZipEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const { compressed, crc, size } = Buffer.isBuffer(e.data)
      ? { compressed: zlib.deflateRawSync(e.data), crc: crc32([e.data]), size: e.data.length }
      : { ...(await deflatedZeros(e.data.zeros)), size: e.data.zeros };
    const claims = e.claims ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(claims, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(claims, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a zip, to rebuild it with more (or other) entries. */
export async function entriesOf(zip: Buffer): Promise<ZipEntry[]> {
  const z = await JSZip.loadAsync(zip);
  const files = Object.values(z.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ name: f.name, data: await f.async("nodebuffer") })));
}

const WORD_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const WORD_DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  "<w:body><w:p><w:r><w:t>Minh chứng</w:t></w:r></w:p></w:body></w:document>";

/** The parts of a minimal Word document; `types` replaces its content types (e.g. a macro-enabled one). */
export function wordParts(opts: { types?: string } = {}): ZipEntry[] {
  return [
    { name: "[Content_Types].xml", data: Buffer.from(opts.types ?? WORD_TYPES) },
    { name: "word/document.xml", data: Buffer.from(WORD_DOCUMENT) },
  ];
}

/** The content types of a macro-enabled Word document (.docm). */
export const DOCM_TYPES = WORD_TYPES.replace(
  "wordprocessingml.document.main+xml",
  "wordprocessingml.document.macroEnabled.main+xml",
).replace("application/vnd.openxmlformats-officedocument.wordprocessingml", "application/vnd.ms-word");

/** A real workbook (ExcelJS) with the given rows on its first sheet. */
export async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A (cheap) stand-in for a VBA project: what matters is the part's name. */
export const VBA_PROJECT = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)]);
