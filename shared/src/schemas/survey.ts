import { z } from "zod";
import { ZId, ZPoints, ZReason } from "./common";
import { DEFAULT_SURVEY_OPTIONS } from "../survey/points";

/** The two respondent groups of the plan's survey (docs/domain.md §3): provincial People's Council delegates; non-state. */
export const SURVEY_GROUPS = ["delegates", "non_state"] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/** One answer option; weight in whole percent, null for "don't know" (excluded from the mean). */
export const ZSurveyOption = z.object({
  code: z.string().regex(/^[A-Z0-9]{1,4}$/),
  label: text(200),
  labelEn: z.string().trim().max(200).default(""),
  weight: z.number().int().min(0).max(100).nullable(),
});

/** One question, mapped to a survey leaf of the unit type's index set by its code (e.g. "7.1.2"). */
export const ZSurveyQuestionInput = z.object({
  itemCode: z.string().regex(/^[0-9A-Za-z]{1,6}(\.[0-9A-Za-z]{1,6}){0,5}$/),
  text: text(1000),
  textEn: z.string().trim().max(1000).default(""),
});

/** A questionnaire of one period, for one respondent group and one unit type. */
export const ZSurveyCreate = z
  .object({
    unitTypeId: ZId,
    respondentGroup: z.enum(SURVEY_GROUPS),
    title: text(300),
    intro: z.string().trim().max(4000).default(""),
    options: z
      .array(ZSurveyOption)
      .min(2)
      .max(10)
      .default(() => DEFAULT_SURVEY_OPTIONS.map((o) => ({ ...o }))),
    questions: z.array(ZSurveyQuestionInput).min(1).max(100),
    /** The units every respondent of the group rates; absent = every active unit of the unit type. */
    unitIds: z.array(ZId).min(1).max(1000).optional(),
  })
  .strict()
  .refine((s) => new Set(s.options.map((o) => o.code)).size === s.options.length, "option codes must differ")
  .refine((s) => s.options.some((o) => o.weight !== null), "at least one weighted option");
export type TSurveyCreate = z.infer<typeof ZSurveyCreate>;

/** One respondent added by hand (lists usually come from a spreadsheet). */
export const ZSurveyRespondentCreate = z
  .object({
    fullName: text(200),
    organisation: z.string().trim().max(300).default(""),
    email: z.email().max(254).nullable().default(null),
  })
  .strict();

/** Issue fresh single-use links: to the listed respondents, or to everyone who has not answered yet. */
export const ZSurveyIssueLinks = z
  .object({
    respondentIds: z.array(ZId).max(5000).optional(),
    sendEmail: z.boolean().default(false),
  })
  .strict();

/** One answer: the option chosen for one question about one unit. */
export const ZSurveyAnswer = z
  .object({ unitId: ZId, questionId: ZId, option: z.string().regex(/^[A-Z0-9]{1,4}$/) })
  .strict();

/**
 * The most answers one submission (a link's or a paper form's) may carry: every question about every rated unit,
 * e.g. ten questions about each of a province's hundred communes is 1,000. The API takes a body of this many
 * answers on the two answer routes (`surveyAnswerBodyLimit`, server/src/app.ts).
 */
export const MAX_SURVEY_ANSWERS = 20_000;

/** What the public answer page sends once: every question about every rated unit. */
export const ZSurveySubmit = z
  .object({ answers: z.array(ZSurveyAnswer).min(1).max(MAX_SURVEY_ANSWERS) })
  .strict();
export type TSurveySubmit = z.infer<typeof ZSurveySubmit>;

/** A paper form typed in by staff: numbered (a number is accepted once), blanks allowed. */
export const ZSurveyPaperForm = z
  .object({
    formNumber: z.number().int().min(1).max(9_999_999),
    answers: z.array(ZSurveyAnswer).min(1).max(MAX_SURVEY_ANSWERS),
  })
  .strict();
export type TSurveyPaperForm = z.infer<typeof ZSurveyPaperForm>;

/** Locking the period's survey results: they then count in totals and the ranking. */
export const ZSurveyLock = z.object({ reason: ZReason }).strict();

export const ZSurveyQuestion = z.object({
  id: ZId,
  itemCode: z.string(),
  text: z.string(),
  textEn: z.string(),
});

/** A questionnaire as the admin pages show it. */
export const ZSurveySummary = z.object({
  id: ZId,
  periodId: ZId,
  unitTypeId: ZId,
  unitTypeName: z.string(),
  respondentGroup: z.enum(SURVEY_GROUPS),
  title: z.string(),
  intro: z.string(),
  options: z.array(ZSurveyOption),
  questions: z.array(ZSurveyQuestion),
  units: z.array(z.object({ id: ZId, name: z.string() })),
  respondents: z.object({ total: z.number(), sent: z.number(), opened: z.number(), answered: z.number() }),
  paperForms: z.number(),
});
export type TSurveySummary = z.infer<typeof ZSurveySummary>;

/** A respondent with the tracking of their link (never their answers). */
export const ZSurveyRespondent = z.object({
  id: ZId,
  fullName: z.string(),
  organisation: z.string(),
  email: z.string().nullable(),
  sentAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type TSurveyRespondent = z.infer<typeof ZSurveyRespondent>;

/** A freshly issued link; the token exists only in this response (the server keeps its SHA-256). */
export const ZSurveyLink = z.object({
  respondentId: ZId,
  fullName: z.string(),
  organisation: z.string(),
  url: z.string(),
  emailed: z.boolean(),
});
export type TSurveyLink = z.infer<typeof ZSurveyLink>;

/** What a respondent sees through their link. */
export const ZSurveyPublic = z.object({
  title: z.string(),
  intro: z.string(),
  respondentGroup: z.enum(SURVEY_GROUPS),
  periodName: z.string(),
  options: z.array(
    z.object({ code: z.string(), label: z.string(), labelEn: z.string(), dontKnow: z.boolean() }),
  ),
  // The English wording for a reader who chose English (blank where the questionnaire has none).
  questions: z.array(z.object({ id: ZId, text: z.string(), textEn: z.string() })),
  units: z.array(z.object({ id: ZId, name: z.string() })),
  closesAt: z.string().nullable(),
});
export type TSurveyPublic = z.infer<typeof ZSurveyPublic>;

const ZLeafResult = z.object({
  code: z.string(),
  maxPoints: ZPoints,
  points: ZPoints,
  valid: z.number(),
  dontKnow: z.number(),
  counts: z.record(z.string(), z.number()),
  flag: z.enum(["no_answers", "below_minimum"]).nullable(),
});

/** Response rates and points of a period's survey (docs/domain.md §3), per questionnaire and unit. */
export const ZSurveyResults = z.object({
  periodId: ZId,
  minResponses: z.number(),
  locked: z.object({ at: z.string(), by: z.string() }).nullable(),
  questionnaires: z.array(
    z.object({
      id: ZId,
      title: z.string(),
      respondentGroup: z.enum(SURVEY_GROUPS),
      unitTypeName: z.string(),
      respondents: z.number(),
      answeredByLink: z.number(),
      paperForms: z.number(),
      /** (answered links + paper forms) ÷ respondents, in whole percent; null without respondents. */
      rate: z.number().nullable(),
      units: z.array(
        z.object({
          unitId: ZId,
          unitName: z.string(),
          responses: z.number(),
          rate: z.number().nullable(),
          flagged: z.boolean(),
          points: ZPoints,
          leaves: z.array(ZLeafResult),
        }),
      ),
    }),
  ),
});
export type TSurveyResults = z.infer<typeof ZSurveyResults>;

/** POST /api/surveys/:id/paper-forms — the form entered. */
export const ZSurveyPaperFormResult = z.object({ formNumber: z.number().int() });

/** POST /api/periods/:id/survey-results/lock — how many survey scores were written. */
export const ZSurveyLockResult = z.object({ scores: z.number().int() });

/** POST /api/survey/:token — the answers were accepted (the link is spent). */
export const ZSurveySubmitResult = z.object({ accepted: z.literal(true) });
