import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { files } from "../db/schema";
import { AppError } from "../http/errors";
import type { FileStore } from "../services/fileStore";
import { safeFileName, sniffFile, type Sniffed } from "../services/sniffFile";
import { leafByCode, loadDossierState, type DossierState } from "../queries/dossierState";
import { assertStatus, assertWindowOpen, touchDossier } from "./dossierGuards";

export type FilePurpose = (typeof files.$inferInsert)["purpose"];

const unsupported = (reason: string) =>
  new AppError("unsupported_file", { reason }, {
    vi:
      reason === "zip_bomb"
        ? "Tệp nén bất thường (giải nén quá lớn), không được chấp nhận."
        : "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPG hoặc PNG; nội dung tệp không khớp với các loại này.",
    en:
      reason === "zip_bomb"
        ? "Abnormal compressed file (inflates too large); refused."
        : "Only PDF, Word (.docx), Excel (.xlsx), JPG or PNG files are accepted; this file's content is none of them.",
  });

/** Checks the bytes of an upload: real type among the accepted ones (signed reports: PDF only). */
export function checkUpload(bytes: Buffer, purpose: FilePurpose): Sniffed {
  if (bytes.length === 0) throw new AppError("validation_failed", [{ path: "file", message: "empty file" }], { vi: "Tệp rỗng.", en: "The file is empty." });
  const sniffed = sniffFile(bytes);
  if (!sniffed.ok) throw unsupported(sniffed.reason);
  if (purpose.startsWith("signed_") && sniffed.type.kind !== "pdf")
    throw new AppError("unsupported_file", { reason: "signed report must be PDF" }, { vi: "Báo cáo ký phải là tệp PDF.", en: "The signed report must be a PDF." });
  return sniffed.type;
}

/**
 * Stores an uploaded file and its row in one step: the bytes are written (atomically, by hash) before the
 * transaction, and removed again if the transaction fails, so nothing is left half-written (TARGETS R5).
 */
export async function storeDossierFile(
  db: Db,
  store: FileStore,
  input: { actor: { id: string; username: string }; dossierId: string; itemId: string | null; purpose: FilePurpose; bytes: Buffer; name: string; type: Sniffed },
  inTx?: (state: DossierState, tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => Promise<void>,
) {
  const { sha256, created } = await store.put(input.bytes).catch((err: NodeJS.ErrnoException) => {
    throw new AppError("internal", undefined, {
      vi: `Không lưu được tệp (${err.code === "ENOSPC" ? "ổ đĩa máy chủ đã đầy" : err.code === "EROFS" || err.code === "EACCES" ? "thư mục lưu trữ không ghi được" : "lỗi lưu trữ"}); chưa có gì được ghi. Vui lòng báo quản trị.`,
      en: `The file could not be stored (${err.code ?? "storage error"}); nothing was saved. Please tell the admin.`,
    });
  });
  try {
    return await db.transaction(async (tx) => {
      const state = await loadDossierState(tx, input.dossierId);
      if (inTx) await inTx(state, tx);
      const [row] = await tx
        .insert(files)
        .values({
          dossierId: input.dossierId,
          itemId: input.itemId,
          purpose: input.purpose,
          sha256,
          originalName: safeFileName(input.name, input.type.ext),
          mime: input.type.mime,
          size: input.bytes.length,
          uploadedBy: input.actor.id,
        })
        .returning();
      await appendAudit(tx, {
        actor: input.actor,
        action: "file.upload",
        entity: "dossier",
        entityId: input.dossierId,
        newValue: { fileId: row.id, purpose: input.purpose, name: row.originalName, sha256, size: row.size },
      });
      const dossier = await touchDossier(tx, input.dossierId);
      return { file: row, dossier };
    });
  } catch (err) {
    if (created) await store.discard(sha256).catch(() => undefined);
    throw err;
  }
}

/** Evidence for one leaf: in the self-assessment (draft) or, for explanations, after round 1. */
export async function uploadEvidence({
  db,
  store,
  actor,
  dossierId,
  code,
  bytes,
  name,
  now = new Date(),
}: {
  db: Db;
  store: FileStore;
  actor: { id: string; username: string };
  dossierId: string;
  code: string;
  bytes: Buffer;
  name: string;
  now?: Date;
}) {
  const pre = await loadDossierState(db, dossierId);
  const leaf = leafByCode(pre, code);
  const explaining = pre.status === "round1_done";
  const type = checkUpload(bytes, "evidence");
  return storeDossierFile(
    db,
    store,
    { actor, dossierId, itemId: leaf.id, purpose: explaining ? "explanation_evidence" : "evidence", bytes, name, type },
    async (state) => {
      assertStatus(state, explaining ? "round1_done" : "draft");
      assertWindowOpen(state, explaining ? "explanation" : "self_assessment", now);
    },
  );
}
