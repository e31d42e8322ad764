import { eq, sql } from "drizzle-orm";
import { appendAudit, type AuditEntry } from "../audit/appendAudit";
import type { Db, DbOrTx } from "../db/client";
import { files } from "../db/schema";
import { AppError } from "../http/errors";
import type { FileStore } from "../services/files/fileStore";
import { safeFileName, sniffFile, type Sniffed } from "../services/files/sniffFile";
import { zipRefused } from "../services/files/officeZip";
import { leafByCode, loadDossierState, type DossierState } from "../queries/dossierState";
import { assertStatus, assertWindowOpen, lockDossier, touchDossier } from "../rules/dossierGuards";
import { dossierChanged } from "../events/domainEvents";

export type FilePurpose = (typeof files.$inferInsert)["purpose"];

const onlyTypes = () =>
  new AppError(
    "unsupported_file",
    { reason: "unknown_type" },
    {
      vi: "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPG hoặc PNG; nội dung tệp không khớp với các loại này.",
      en: "Only PDF, Word (.docx), Excel (.xlsx), JPG or PNG files are accepted; this file's content is none of them.",
    },
  );

/** Checks the bytes of an upload: real type among the accepted ones (signed reports: PDF only). */
export async function checkUpload(bytes: Buffer, purpose: FilePurpose): Promise<Sniffed> {
  if (bytes.length === 0)
    throw new AppError("validation_failed", [{ path: "file", message: "empty file" }], {
      vi: "Tệp rỗng.",
      en: "The file is empty.",
    });
  const sniffed = await sniffFile(bytes);
  // A signed report is a PDF and nothing else: any other bytes get that message, not the evidence's list of types.
  if (purpose.startsWith("signed_") && !(sniffed.ok && sniffed.type.kind === "pdf"))
    throw new AppError(
      "unsupported_file",
      { reason: "signed report must be PDF" },
      { vi: "Báo cáo ký phải là tệp PDF.", en: "The signed report must be a PDF." },
    );
  if (!sniffed.ok)
    throw sniffed.reason === "unknown_type" ? onlyTypes() : zipRefused(sniffed.reason, sniffed.detail);
  return sniffed.type;
}

/**
 * Stores an uploaded file and its row in one step: the bytes are written (atomically, by hash) before the
 * transaction, and removed again if the transaction fails, so nothing is left half-written (docs/targets.md R5).
 */
export async function storeDossierFile(
  db: Db,
  store: FileStore,
  input: {
    actor: { id: string; username: string };
    dossierId: string;
    itemId: string | null;
    purpose: FilePurpose;
    bytes: Buffer;
    name: string;
    type: Sniffed;
  },
  // Checks and extra writes inside the transaction; audit rows it returns are appended with the upload's own.
  inTx?: (
    state: DossierState,
    tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  ) => Promise<AuditEntry[] | void>,
) {
  const put = () =>
    store.put(input.bytes).catch((err: NodeJS.ErrnoException) => {
      // The store's condition (disk full, read-only, missing folder), not the user's mistake: a 503 that says what
      // happened and that nothing was saved (docs/targets.md R5), never a bare 500.
      const unwritable = ["EROFS", "EACCES", "EPERM", "ENOTDIR", "ENOENT"].includes(err.code ?? "");
      throw new AppError(
        "storage_unavailable",
        { reason: err.code ?? "storage_error" },
        {
          vi: `Không lưu được tệp (${err.code === "ENOSPC" || err.code === "EDQUOT" ? "ổ đĩa máy chủ đã đầy" : unwritable ? "thư mục lưu trữ không ghi được" : "lỗi lưu trữ"}); chưa có gì được ghi. Vui lòng thử lại sau hoặc báo quản trị.`,
          en: `The file could not be stored (${err.code ?? "storage error"}); nothing was saved. Please retry later or tell the admin.`,
        },
      );
    });
  const { sha256, created: wrote } = await put();
  let created = wrote;
  try {
    return await db.transaction(async (tx) => {
      await lockStoredFile(tx, sha256);
      // A refused upload of the same bytes may have removed them between our write and this lock: make sure they
      // are there before a row points at them.
      if ((await put()).created) created = true;
      await lockDossier(tx, input.dossierId);
      const state = await loadDossierState(tx, input.dossierId);
      const audit = (inTx && (await inTx(state, tx))) || [];
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
      const dossier = await touchDossier(tx, input.dossierId);
      await appendAudit(tx, [
        ...audit,
        {
          actor: input.actor,
          action: "file.upload",
          entity: "dossier",
          entityId: input.dossierId,
          newValue: {
            fileId: row.id,
            purpose: input.purpose,
            name: row.originalName,
            sha256,
            size: row.size,
          },
        },
      ]);
      return { file: row, dossier };
    });
  } catch (err) {
    if (created) await discardUnreferenced(db, store, sha256).catch(() => undefined);
    throw err;
  }
}

// Namespace of the per-file advisory locks (two-key form, apart from the audit chain's one-key lock).
const FILE_LOCK_NAMESPACE = 0x66696c65; // "file"

/** Serialises "insert a row for these bytes" with "remove these bytes", per content hash. */
export async function lockStoredFile(tx: DbOrTx, sha256: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${FILE_LOCK_NAMESPACE}, hashtext(${sha256}))`);
}

/**
 * Removes bytes this request wrote, unless a row refers to them: two uploads of the same file share one stored
 * copy, and a refused one must not take away the bytes of one that was acknowledged.
 */
export async function discardUnreferenced(db: Db, store: FileStore, sha256: string) {
  await db.transaction(async (tx) => {
    await lockStoredFile(tx, sha256);
    const [ref] = await tx.select({ id: files.id }).from(files).where(eq(files.sha256, sha256)).limit(1);
    if (!ref) await store.discard(sha256);
  });
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
  const type = await checkUpload(bytes, "evidence");
  const stored = await storeDossierFile(
    db,
    store,
    {
      actor,
      dossierId,
      itemId: leaf.id,
      purpose: explaining ? "explanation_evidence" : "evidence",
      bytes,
      name,
      type,
    },
    async (state) => {
      assertStatus(state, explaining ? "round1_done" : "draft");
      assertWindowOpen(state, explaining ? "explanation" : "self_assessment", now);
      assertTakesEvidence(state, leafByCode(state, code), explaining);
    },
  );
  return { ...stored, events: [dossierChanged(stored.dossier, "leaves[].evidence[].id")] };
}

/**
 * Evidence backs a score the agency gives: survey leaves are computed from the survey, a leaf that does not apply
 * has no score, and council-only leaves take the agency's evidence only in answer to a request (explanation).
 */
function assertTakesEvidence(state: DossierState, leaf: DossierState["leaves"][number], explaining: boolean) {
  const refuse = (vi: string, en: string) =>
    new AppError("validation_failed", [{ path: "code", message: en }], { vi, en });
  if (leaf.method === "survey")
    throw refuse(
      "Tiêu chí điều tra xã hội học không nhận tài liệu kiểm chứng.",
      "Survey leaves take no evidence.",
    );
  if (state.notApplicable.has(leaf.id))
    throw refuse("Tiêu chí không áp dụng cho đơn vị.", "This leaf does not apply to the unit.");
  if (leaf.method === "council" && !explaining)
    throw refuse(
      "Tiêu chí này do Hội đồng chấm, không cần tài liệu tự đánh giá.",
      "This leaf is scored by the council.",
    );
}
