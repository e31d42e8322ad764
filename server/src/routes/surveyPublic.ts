import { Router } from "express";
import { and, eq, isNull } from "drizzle-orm";
import { ZSurveySubmit } from "@ca/shared";
import type { AppContext } from "../context";
import { submitSurveyAnswers } from "../commands/submitSurveyAnswers";
import { surveyRespondents } from "../db/schema";
import { validate } from "../http/validate";
import { presentPublicSurvey } from "../presenters/survey";
import { loadQuestionnaire, loadSurveyResource } from "../queries/survey";
import { loadTokenTarget, unknownToken } from "../queries/surveyToken";
import { surveyClosed } from "../commands/surveyGuards";
import { hashSurveyToken, isWellFormedToken } from "../services/surveyTokens";

/**
 * The respondent's side (no account): the single-use token in the path is the only key. It reaches exactly one
 * questionnaire, and nothing else of the API.
 */
export function surveyPublicRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  /** The questionnaire behind a usable token, or a clear refusal (unknown, used, expired, survey over). */
  const target = async (token: unknown) => {
    if (!isWellFormedToken(token)) throw unknownToken();
    const hash = hashSurveyToken(token);
    const { respondent, questionnaire } = await loadTokenTarget(db, hash);
    const { resource, period } = await loadSurveyResource(db, questionnaire.periodId);
    if (resource.locked) throw surveyClosed();
    return { hash, respondent, questionnaire, period };
  };

  router.get("/survey/:token", async (req, res) => {
    const { hash, respondent, questionnaire, period } = await target(req.params.token);
    // Tracking only ("opened"): the first view is noted on the respondent, never on an answer.
    if (!respondent.openedAt)
      await db
        .update(surveyRespondents)
        .set({ openedAt: new Date() })
        .where(and(eq(surveyRespondents.tokenHash, hash), isNull(surveyRespondents.openedAt)));
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Referrer-Policy", "no-referrer");
    const loaded = await loadQuestionnaire(db, questionnaire.id);
    res.json({ data: presentPublicSurvey(loaded, period.name, respondent.tokenExpiresAt) });
  });

  router.post("/survey/:token", async (req, res) => {
    const { hash, questionnaire } = await target(req.params.token);
    const { answers } = validate(ZSurveySubmit, req.body);
    await submitSurveyAnswers({
      db,
      tokenHash: hash,
      questionnaireId: questionnaire.id,
      periodId: questionnaire.periodId,
      answers,
    });
    res.status(201).json({ data: { accepted: true } });
  });

  return router;
}
