/** Small real files of each accepted type, and hostile ones, for upload tests. */
import ExcelJS from "exceljs";

export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
export const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
export const JPG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");
export const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(200)]);
export const HTML = Buffer.from("<html><script>alert(1)</script></html>");

/** A real .xlsx workbook. */
export async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Minh chung").addRow(["Số liệu", 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A zip whose central directory claims an entry that inflates to 4 GiB from a few bytes: a zip bomb as far as
 * any reader that trusts it is concerned, named like a Word document.
 */
export function zipBomb(): Buffer {
  const name = Buffer.from("word/document.xml");
  const ct = Buffer.from("[Content_Types].xml");
  const local = (n: Buffer) => {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(n.length, 26);
    return Buffer.concat([h, n]);
  };
  const central = (n: Buffer, offset: number, size: number) => {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt32LE(10, 20); // compressed
    h.writeUInt32LE(size, 24); // uncompressed
    h.writeUInt16LE(n.length, 28);
    h.writeUInt32LE(offset, 42);
    return Buffer.concat([h, n]);
  };
  const l1 = local(ct);
  const l2 = local(name);
  const cd = Buffer.concat([central(ct, 0, 100), central(name, l1.length, 0xfffffff0)]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(2, 8);
  end.writeUInt16LE(2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(l1.length + l2.length, 16);
  return Buffer.concat([l1, l2, cd, end]);
}
