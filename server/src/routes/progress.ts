import { Router } from "express";
import { inArray } from "drizzle-orm";
import { PROGRESS_ROW, redact, viewerClassOf, ZReminder } from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { sendReminders } from "../commands/sendReminders";
import { extensions } from "../db/schema";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { loadPeriodScoring } from "../queries/periodScoring";
import { loadPeriod, loadPeriodWithMilestones } from "../queries/periods";
import { progressRow } from "../services/progress";

/** The admin's progress monitor and reminders (issue 3, item 6). */
export function progressRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/periods/:periodId/progress", async (req, res) => {
    const actor = actorOf(req);
    const { period, milestones } = await loadPeriodWithMilestones(db, idParam(req.params.periodId));
    authorize(actor, "monitorProgress", { type: "period", id: period.id });
    const loaded = await loadPeriodScoring(db, period.id);
    const ext = loaded.length
      ? await db
          .select()
          .from(extensions)
          .where(
            inArray(
              extensions.dossierId,
              loaded.map((d) => d.row.id),
            ),
          )
      : [];
    const now = new Date();
    res.json({
      data: loaded.map((d) =>
        redact(
          PROGRESS_ROW,
          progressRow(
            d,
            milestones,
            ext.filter((e) => e.dossierId === d.row.id),
            now,
          ),
          viewerClassOf(actor, d.resource),
          d.status,
        ),
      ),
    });
  });

  router.post("/periods/:periodId/reminders", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "monitorProgress", { type: "period", id: period.id });
    const input = validate(ZReminder, req.body);
    const { sent } = await execute(ctx.effects, sendReminders({ db, actor, periodId: period.id, ...input }));
    res.status(201).json({ data: { recipients: sent.length } });
  });

  return router;
}
