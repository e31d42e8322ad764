import { and, eq, inArray } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { files } from "../db/schema";
import { notFound } from "../http/errors";
import type { FileStore } from "../services/files/fileStore";
import { loadDossierState } from "../queries/dossierState";
import { assertStatus, assertWindowOpen, lockDossier, touchDossier } from "../rules/dossierGuards";
import { dossierChanged } from "../events/domainEvents";
import { discardUnreferenced, lockStoredFile } from "./uploadFile";

/**
 * Takes back a piece of evidence the agency uploaded by mistake, while it may still upload: self-assessment
 * evidence while the dossier is a draft in its window, an explanation's evidence while the explanation is open.
 * The row goes in one transaction with its audit row (which keeps the file's name and hash); the bytes go after
 * the commit unless another row refers to the same content.
 */
export async function removeEvidence({
  db,
  store,
  actor,
  dossierId,
  fileId,
  now = new Date(),
}: {
  db: Db;
  store: FileStore;
  actor: { id: string; username: string };
  dossierId: string;
  fileId: string;
  now?: Date;
}) {
  const [found] = await db
    .select({ sha256: files.sha256 })
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.dossierId, dossierId)));
  if (!found) throw notFound();
  const dossier = await db.transaction(async (tx) => {
    await lockStoredFile(tx, found.sha256);
    await lockDossier(tx, dossierId);
    const [file] = await tx
      .select()
      .from(files)
      .where(
        and(
          eq(files.id, fileId),
          eq(files.dossierId, dossierId),
          inArray(files.purpose, ["evidence", "explanation_evidence"]),
        ),
      );
    if (!file) throw notFound();
    const state = await loadDossierState(tx, dossierId);
    const explaining = file.purpose === "explanation_evidence";
    assertStatus(state, explaining ? "round1_done" : "draft");
    assertWindowOpen(state, explaining ? "explanation" : "self_assessment", now);
    await tx.delete(files).where(eq(files.id, file.id));
    const touched = await touchDossier(tx, dossierId);
    await appendAudit(tx, {
      actor,
      action: "file.remove",
      entity: "dossier",
      entityId: dossierId,
      oldValue: { fileId: file.id, purpose: file.purpose, name: file.originalName, sha256: file.sha256 },
    });
    return touched;
  });
  await discardUnreferenced(db, store, found.sha256).catch(() => undefined);
  return { dossier, events: [dossierChanged(dossier, "leaves[].evidence[].id")] };
}
