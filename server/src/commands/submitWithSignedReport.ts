import type { DossierStatus } from "@ca/shared";
import type { Db } from "../db/client";
import { AppError } from "../http/errors";
import type { DossierState } from "../queries/dossierState";
import type { FileStore } from "../services/files/fileStore";
import { assertStatus, assertWindowOpen, touchDossier } from "../rules/dossierGuards";
import { notifyUnit, type Notified } from "./notifyUnit";
import { checkUpload, storeDossierFile, type FilePurpose } from "./uploadFile";
import { dossierChanged, type DomainEvent } from "../events/domainEvents";

export interface SignedSubmission {
  purpose: FilePurpose;
  from: DossierStatus;
  to: DossierStatus;
  /** The milestone whose window must be open (with the unit's extension, if any). */
  window: string;
  missingReport: { vi: string; en: string };
  /** Whether the official ranking may move with this step (a self-assessment submitted counts in it). */
  movesRanking: boolean;
  /** Throws when the dossier is not ready to move on (unscored leaves, unanswered requests…). */
  assertReady: (state: DossierState) => void;
}

/**
 * An agency head's submission (docs/domain.md §2 steps 6 and 8): the signed PDF report is stored and the dossier moves
 * on, in one transaction with its audit row, or nothing happens at all.
 */
export async function submitWithSignedReport(
  step: SignedSubmission,
  {
    db,
    store,
    actor,
    dossierId,
    report,
    now = new Date(),
  }: {
    db: Db;
    store: FileStore;
    actor: { id: string; username: string };
    dossierId: string;
    report: { bytes: Buffer; name: string } | undefined;
    now?: Date;
  },
) {
  if (!report)
    throw new AppError(
      "validation_failed",
      [{ path: "signedReport", message: "required" }],
      step.missingReport,
    );
  const type = await checkUpload(report.bytes, step.purpose);
  let notified: Notified[] = [];
  const result = await storeDossierFile(
    db,
    store,
    { actor, dossierId, itemId: null, purpose: step.purpose, bytes: report.bytes, name: report.name, type },
    async (state, tx) => {
      assertStatus(state, step.from);
      assertWindowOpen(state, step.window, now);
      step.assertReady(state);
      await touchDossier(tx, dossierId, step.to);
      notified = await notifyUnit(tx, { unitId: state.unit.id, status: step.to }, step.to, { dossierId });
      // Appended with the upload's own audit row.
      return [
        {
          actor,
          action: "dossier.transition",
          entity: "dossier",
          entityId: dossierId,
          oldValue: { status: step.from },
          newValue: { status: step.to },
        },
      ];
    },
  );
  const dossier = { ...result.dossier, status: step.to };
  const events: DomainEvent[] = [
    dossierChanged(dossier, "status"),
    ...(step.movesRanking ? [{ type: "rankingChanged" as const, periodId: dossier.periodId }] : []),
    { type: "notified", notifications: notified },
  ];
  return { ...result, dossier, notified, events };
}
