import { z } from "zod";
import { DOSSIER_STATUSES } from "../workflow";
import { ZId, ZPoints, ZUnitRef } from "./common";

export const ZDossierStatus = z.enum(DOSSIER_STATUSES);

export const ZDossierSummary = z.object({
  id: ZId,
  periodId: ZId,
  unit: ZUnitRef,
  status: ZDossierStatus,
  selfTotal: ZPoints.nullable(),
  officialTotal: ZPoints.nullable(),
  updatedAt: z.string(),
});
export type TDossierSummary = z.infer<typeof ZDossierSummary>;
