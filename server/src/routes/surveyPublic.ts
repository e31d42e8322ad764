import { Router } from "express";
import { and, eq, isNull } from "drizzle-orm";
import { ZSurveySubmit } from "@ca/shared";
import type { AppContext } from "../context";
import { submitSurveyAnswers } from "../commands/submitSurveyAnswers";
import { surveyRespondents } from "../db/schema";
import { validate } from "../http/validate";
import { presentPublicSurvey } from "../presenters/survey";
import { loadQuestionnaire, loadSurveyResource } from "../queries/survey";
import { isUnknownToken, loadTokenTarget, unknownToken } from "../queries/surveyToken";
import { surveyClosed } from "../rules/surveyGuards";
import { hashSurveyToken, isWellFormedToken } from "../services/surveyTokens";
import { AppError } from "../http/errors";
import { FailureLimiter, RecentKeys } from "../http/failureLimiter";

// docs/targets.md S12: link tokens are 256 random bits, so guessing one is hopeless; these limits keep trying from costing
// the database a lookup each. Per address: 30 unknown tokens per 10 minutes. Across all addresses: 300 per minute,
// after which only addresses that opened a valid link within the hour (respondents at work) are served. A used or
// expired token is a real one, not a guess (a respondent sending twice): it does not count.
const PER_ADDRESS = { limit: 30, windowMs: 10 * 60_000 };
const GLOBAL = { limit: 300, windowMs: 60_000 };
const RESPONDENT_MS = 3_600_000;

/**
 * The respondent's side (no account): the single-use token in the path is the only key. It reaches exactly one
 * questionnaire, and nothing else of the API.
 */
export function surveyPublicRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();
  const perAddress = new FailureLimiter(PER_ADDRESS.limit, PER_ADDRESS.windowMs);
  const everyone = new FailureLimiter(GLOBAL.limit, GLOBAL.windowMs);
  const respondents = new RecentKeys(RESPONDENT_MS);

  /**
   * The questionnaire behind a usable token, or a clear refusal (unknown, used, expired, survey over). A throttled
   * address is refused before any lookup, whatever its token: a guesser must not learn that one was right.
   */
  const target = async (token: unknown, ip: string) => {
    const wait = Math.max(perAddress.blockedFor(ip), respondents.has(ip) ? 0 : everyone.blockedFor(""));
    if (wait) throw tokenGuessing(wait);
    try {
      if (!isWellFormedToken(token)) throw unknownToken();
      const hash = hashSurveyToken(token);
      const { respondent, questionnaire } = await loadTokenTarget(db, hash);
      respondents.add(ip);
      const { resource, period } = await loadSurveyResource(db, questionnaire.periodId);
      if (resource.locked) throw surveyClosed();
      return { hash, respondent, questionnaire, period };
    } catch (err) {
      if (isUnknownToken(err)) {
        perAddress.fail(ip);
        everyone.fail("");
      }
      throw err;
    }
  };

  router.get("/survey/:token", async (req, res) => {
    const { hash, respondent, questionnaire, period } = await target(req.params.token, req.ip ?? "unknown");
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
    const { hash, questionnaire } = await target(req.params.token, req.ip ?? "unknown");
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

function tokenGuessing(seconds: number): AppError {
  return new AppError(
    "too_many_attempts",
    { retryAfterSeconds: seconds, reason: "survey_token_guessing" },
    {
      vi: `Có quá nhiều lần mở đường dẫn khảo sát không hợp lệ. Vui lòng thử lại sau ${seconds} giây, và kiểm tra lại đường dẫn hoặc mã QR đã nhận.`,
      en: `Too many invalid survey links were opened. Please try again in ${seconds} seconds, and check the link or QR code you received.`,
    },
  );
}
