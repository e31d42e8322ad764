import { Router, type Response } from "express";
import type { AppContext } from "../context";
import { actorOf, authorize } from "../http/authorize";
import { idParam } from "../http/validate";
import { exportFileName, loadExportData } from "../services/exports/exportData";
import { matrixWorkbook } from "../services/exports/matrixXlsx";
import { loadStageAnswers } from "../queries/stageAnswers";
import { rankingWorkbook } from "../services/exports/rankingXlsx";
import { minutesDocument, reportDocument } from "../services/exports/reportDocx";
import { responsibilityWorkbook } from "../services/exports/responsibilityXlsx";
import { computePeriodResults } from "../services/results/periodResults";
import { auditStampNow } from "../services/exports/auditStamp";
import { loadResultsResource } from "../services/results/publication";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function sendFile(res: Response, type: string, name: string, body: Buffer) {
  res.setHeader("Content-Type", type);
  res.setHeader("Content-Disposition", `attachment; filename="${name}"`);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.send(body);
}

/** The exports of a period (docs/api.md): ranking and matrix spreadsheets, the report and the minutes in Word. */
export function exportRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();
  // Each export prints the audit chain's head it was made at (docs/security.md).
  const stamp = () => auditStampNow(db, ctx.audit);

  const load = async (periodId: unknown, actor: Express.User, action: "export" | "exportResponsibility") => {
    const { period, resource } = await loadResultsResource(db, idParam(periodId));
    authorize(actor, action, resource);
    return period;
  };

  router.get("/periods/:periodId/exports/ranking.xlsx", async (req, res) => {
    const period = await load(req.params.periodId, actorOf(req), "export");
    const data = await loadExportData(db, period.id);
    sendFile(
      res,
      XLSX,
      exportFileName(period.code, "xep-hang.xlsx"),
      await rankingWorkbook(data.results, data.final, await stamp(), data.live.bands),
    );
  });

  router.get("/periods/:periodId/exports/matrix.xlsx", async (req, res) => {
    const period = await load(req.params.periodId, actorOf(req), "export");
    const results = await computePeriodResults(db, period.id);
    const dossierIds = results.unitTypes.flatMap((type) => type.rows.map((r) => r.dossierId));
    sendFile(
      res,
      XLSX,
      exportFileName(period.code, "ma-tran-diem.xlsx"),
      await matrixWorkbook(results, await stamp(), await loadStageAnswers(db, dossierIds)),
    );
  });

  router.get("/periods/:periodId/exports/report.docx", async (req, res) => {
    const period = await load(req.params.periodId, actorOf(req), "export");
    const data = await loadExportData(db, period.id);
    sendFile(
      res,
      DOCX,
      exportFileName(period.code, "bao-cao.docx"),
      await reportDocument(data, await stamp()),
    );
  });

  router.get("/periods/:periodId/exports/minutes.docx", async (req, res) => {
    const period = await load(req.params.periodId, actorOf(req), "export");
    const data = await loadExportData(db, period.id);
    sendFile(
      res,
      DOCX,
      exportFileName(period.code, "bien-ban.docx"),
      await minutesDocument(data, await stamp()),
    );
  });

  router.get("/periods/:periodId/exports/responsibility.xlsx", async (req, res) => {
    const period = await load(req.params.periodId, actorOf(req), "exportResponsibility");
    const results = await computePeriodResults(db, period.id);
    sendFile(
      res,
      XLSX,
      exportFileName(period.code, "trach-nhiem-lanh-dao.xlsx"),
      await responsibilityWorkbook(results, await stamp()),
    );
  });

  return router;
}
