import type { Db } from "../../db/client";
import type { AuditChain, ChainHead } from "../../audit/auditChain";
import { currentHead } from "../../audit/auditSealer";

/** The audit chain's head when a document was made: printed on it, it is a checkpoint outside the database. */
export interface AuditStamp extends ChainHead {
  at: Date;
}

/** Seals what is committed, then reads the head, for a document being made now. */
export async function auditStampNow(db: Db, chain: AuditChain): Promise<AuditStamp | null> {
  const head = await currentHead(db, chain);
  return head && { ...head, at: new Date() };
}

/**
 * The line printed on reports and spreadsheets. Whoever holds the paper can later check that the log still holds
 * that head: `npm run audit:verify -- --head <seq>:<hash>`.
 */
export function auditStampLine(stamp: AuditStamp | null): string {
  if (!stamp) return "Nhật ký kiểm toán: chưa có bản ghi nào.";
  const local = new Date(stamp.at.getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, "0");
  const when =
    `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  return `Nhật ký kiểm toán khi lập (audit log head): #${stamp.seq} · ${stamp.hash} · ${when}`;
}

interface StampableWorkbook {
  addWorksheet(name: string): {
    addRow(values: unknown[]): { commit?: () => void };
    getColumn(n: number): { width?: number };
    commit?: () => void;
  };
}

/** A last sheet "KiemToan" with the stamp, so that the data sheets keep their layout (works while streaming too). */
export function addAuditSheet(wb: StampableWorkbook, stamp: AuditStamp | null): void {
  const ws = wb.addWorksheet("KiemToan");
  ws.getColumn(1).width = 120;
  ws.addRow([auditStampLine(stamp)]).commit?.();
  ws.addRow([
    stamp
      ? `Kiểm tra / verify: npm run audit:verify -- --head ${stamp.seq}:${stamp.hash}`
      : "Kiểm tra / verify: npm run audit:verify",
  ]).commit?.();
  ws.commit?.();
}
