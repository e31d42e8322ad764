import { Router, type Request } from "express";
import { asc, eq } from "drizzle-orm";
import {
  abilities,
  ZSurveyCreate,
  ZSurveyIssueLinks,
  ZSurveyPaperForm,
  ZSurveyRespondentCreate,
  type TSurveyLink,
} from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { addSurveyRespondents } from "../commands/addSurveyRespondents";
import { createSurveyQuestionnaire } from "../commands/createSurveyQuestionnaire";
import { enterSurveyPaperForm } from "../commands/enterSurveyPaperForm";
import { issueSurveyLinks } from "../commands/issueSurveyLinks";
import { surveyQuestionnaires, surveyRespondents } from "../db/schema";
import { actorOf, authorize } from "../http/authorize";
import { AppError } from "../http/errors";
import { readUpload } from "../http/upload";
import { idParam, validate } from "../http/validate";
import { presentRespondent, presentSurvey } from "../presenters/survey";
import {
  loadQuestionnaire,
  loadQuestionnaireAccess,
  loadSurveyResource,
  respondentCounts,
} from "../queries/survey";
import { parseQuestionSheet, parseRespondentSheet } from "../services/spreadsheets/surveySpreadsheet";
import { surveyPublicRoutes } from "./surveyPublic";
import { surveyResultRoutes } from "./surveyResults";

const IMPORT_MAX_MB = 5;
const readSheet = readUpload("file", IMPORT_MAX_MB);

/**
 * The survey (docs/domain.md §3): questionnaires, respondent lists, links and paper forms here; results and the public
 * answer routes in their own files, mounted below.
 */
export function surveyRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  /** The questionnaire of the path with its period and survey resource (its questions follow where used). */
  const loadSurvey = (req: Request) => loadQuestionnaireAccess(db, idParam(req.params.surveyId));
  const present = async (loaded: Awaited<ReturnType<typeof loadQuestionnaire>>) =>
    presentSurvey(loaded, await respondentCounts(db, loaded.questionnaire.id));

  router.get("/periods/:periodId/surveys", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await loadSurveyResource(db, idParam(req.params.periodId));
    authorize(actor, "read", resource);
    const rows = await db
      .select({ id: surveyQuestionnaires.id })
      .from(surveyQuestionnaires)
      .where(eq(surveyQuestionnaires.periodId, resource.periodId))
      .orderBy(asc(surveyQuestionnaires.createdAt));
    const data = [];
    for (const r of rows) data.push(await present(await loadQuestionnaire(db, r.id)));
    res.json({ data, abilities: abilities(actor, resource) });
  });

  router.post("/periods/:periodId/surveys", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await loadSurveyResource(db, idParam(req.params.periodId));
    authorize(actor, "manage", resource);
    const input = validate(ZSurveyCreate, req.body);
    const q = await createSurveyQuestionnaire({ db, actor, periodId: resource.periodId, input });
    res.status(201).json({ data: await present(await loadQuestionnaire(db, q.id)) });
  });

  // A questionnaire from a spreadsheet: the form fields say for whom, the sheet lists the questions.
  router.post("/periods/:periodId/surveys/import", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await loadSurveyResource(db, idParam(req.params.periodId));
    authorize(actor, "manage", resource);
    const file = await readSheet(req, res);
    if (!file)
      throw new AppError("validation_failed", [{ path: "file", message: "an .xlsx file is required" }]);
    const fields = (req.body ?? {}) as Record<string, unknown>;
    const input = validate(ZSurveyCreate, {
      unitTypeId: fields.unitTypeId,
      respondentGroup: fields.respondentGroup,
      title: fields.title,
      questions: await parseQuestionSheet(file.bytes),
    });
    const q = await createSurveyQuestionnaire({ db, actor, periodId: resource.periodId, input });
    res.status(201).json({ data: await present(await loadQuestionnaire(db, q.id)) });
  });

  router.get("/surveys/:surveyId", async (req, res) => {
    const actor = actorOf(req);
    const { questionnaire, resource } = await loadSurvey(req);
    authorize(actor, "read", resource);
    const loaded = await loadQuestionnaire(db, questionnaire.id);
    res.json({ data: await present(loaded), abilities: abilities(actor, resource) });
  });

  router.get("/surveys/:surveyId/respondents", async (req, res) => {
    const actor = actorOf(req);
    const { questionnaire, resource } = await loadSurvey(req);
    authorize(actor, "readRespondents", resource);
    const rows = await db
      .select()
      .from(surveyRespondents)
      .where(eq(surveyRespondents.questionnaireId, questionnaire.id))
      .orderBy(asc(surveyRespondents.createdAt), asc(surveyRespondents.fullName));
    res.json({ data: rows.map(presentRespondent) });
  });

  router.post("/surveys/:surveyId/respondents", async (req, res) => {
    const actor = actorOf(req);
    const { questionnaire, resource } = await loadSurvey(req);
    authorize(actor, "manageRespondents", resource);
    const input = validate(ZSurveyRespondentCreate, req.body);
    const [row] = await addSurveyRespondents({
      db,
      actor,
      questionnaireId: questionnaire.id,
      respondents: [input],
    });
    res.status(201).json({ data: presentRespondent(row) });
  });

  router.post("/surveys/:surveyId/respondents/import", async (req, res) => {
    const actor = actorOf(req);
    const { questionnaire, resource } = await loadSurvey(req);
    authorize(actor, "manageRespondents", resource);
    const file = await readSheet(req, res);
    if (!file)
      throw new AppError("validation_failed", [{ path: "file", message: "an .xlsx file is required" }]);
    const respondents = await parseRespondentSheet(file.bytes);
    const rows = await addSurveyRespondents({
      db,
      actor,
      questionnaireId: questionnaire.id,
      respondents,
    });
    res.status(201).json({ data: rows.map(presentRespondent) });
  });

  router.post("/surveys/:surveyId/links", async (req, res) => {
    const actor = actorOf(req);
    const { questionnaire, period, resource } = await loadSurvey(req);
    authorize(actor, "manageRespondents", resource);
    const input = validate(ZSurveyIssueLinks, req.body);
    const { issued } = await execute(
      ctx.effects,
      issueSurveyLinks({
        db,
        actor,
        questionnaireId: questionnaire.id,
        periodId: period.id,
        respondentIds: input.respondentIds,
        email: {
          linkBase: ctx.config.PUBLIC_URL?.replace(/\/$/, "") ?? `${req.protocol}://${req.get("host")}`,
          send: Boolean(input.sendEmail && ctx.mailer.enabled),
          questionnaireTitle: questionnaire.title,
          periodName: period.name,
        },
      }),
    );
    const data: TSurveyLink[] = issued.map(({ respondent, url, emailed }) => ({
      respondentId: respondent.id,
      fullName: respondent.fullName,
      organisation: respondent.organisation,
      url,
      emailed,
    }));
    res.json({ data });
  });

  router.post("/surveys/:surveyId/paper-forms", async (req, res) => {
    const actor = actorOf(req);
    const { questionnaire, resource } = await loadSurvey(req);
    authorize(actor, "enterPaper", resource);
    const form = validate(ZSurveyPaperForm, req.body);
    const data = await enterSurveyPaperForm({ db, actor, questionnaireId: questionnaire.id, form });
    res.status(201).json({ data });
  });

  router.use(surveyResultRoutes(ctx));
  router.use(surveyPublicRoutes(ctx));
  return router;
}
