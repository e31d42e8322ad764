import { Router } from "express";
import { asc, eq } from "drizzle-orm";
import {
  AGREEMENT_ROW,
  redact,
  sees,
  viewerClassOf,
  ZAgreementCreate,
  type Actor,
  type DossierStatus,
  type TAgreement,
} from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { recordAgreement } from "../commands/recordAgreement";
import { councilAgreements, unitTypes, users } from "../db/schema";
import type { DbOrTx } from "../db/client";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { listDossiersOfPeriod } from "../queries/dossiers";
import { loadPeriod } from "../queries/periods";

/** The council's agreements on each unit type's ranking (step 9's result). */
export function agreementRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/periods/:periodId/agreements", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "readAgreements", { type: "period", id: period.id });
    res.json({ data: await listAgreements(db, period.id, actor) });
  });

  router.post("/periods/:periodId/agreements", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "recordAgreement", { type: "period", id: period.id });
    const input = validate(ZAgreementCreate, req.body);
    const { row } = await execute(ctx.effects, recordAgreement({ db, actor, periodId: period.id, input }));
    res.status(201).json({
      data: (await listAgreements(db, period.id, actor)).find((a) => a.id === row.id) ?? null,
    });
  });

  return router;
}

/**
 * The period's agreements as this viewer may see them (docs/visibility.md, AGREEMENT_ROW): an agreement is the
 * council's decision on a whole unit type, its ranks and minutes speak of every unit in it — so a member recused
 * on one of them gets none of it until publication.
 */
async function listAgreements(db: DbOrTx, periodId: string, viewer: Actor): Promise<TAgreement[]> {
  const rows = await db
    .select({ a: councilAgreements, unitType: unitTypes.code, name: users.fullName })
    .from(councilAgreements)
    .innerJoin(unitTypes, eq(unitTypes.id, councilAgreements.unitTypeId))
    .innerJoin(users, eq(users.id, councilAgreements.agreedBy))
    .where(eq(councilAgreements.periodId, periodId))
    .orderBy(asc(unitTypes.code));
  const dossiers = await listDossiersOfPeriod(db, periodId);
  const seen = (d: (typeof dossiers)[number]) => ({
    viewer: viewerClassOf(viewer, d.resource),
    status: d.row.status as DossierStatus,
  });
  const byId = new Map(dossiers.map((d) => [d.row.id, seen(d)]));
  const readable = (unitType: string) =>
    dossiers
      .filter((d) => d.row.unitTypeCode === unitType)
      .every((d) => sees(AGREEMENT_ROW, "rank", seen(d).viewer, seen(d).status));
  return rows
    .filter(({ unitType }) => readable(unitType))
    .map(({ a, unitType, name }) => ({
      id: a.id,
      periodId: a.periodId,
      unitType,
      minutes: a.minutes,
      agreedAt: a.agreedAt.toISOString(),
      agreedBy: { id: a.agreedBy, name },
      ranking: (a.ranking as TAgreement["ranking"]).map((r) => {
        const d = byId.get(r.dossierId);
        return d ? redact(AGREEMENT_ROW, r, d.viewer, d.status) : r;
      }),
    }));
}
