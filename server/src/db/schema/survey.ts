/** The sociological survey: questionnaires, respondents, submissions, answers and the lock. */
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ref, tstz } from "./columns";
import { users } from "./accounts";
import { periods } from "./periods";
import { unitTypes, units } from "./units";

/**
 * A questionnaire of the sociological survey (docs/domain.md §3 "Survey points"): one per period, respondent group and unit
 * type. Options carry weights in whole percent (null = "don't know"); `unitIds` are the units every respondent rates.
 */
export const surveyQuestionnaires = pgTable(
  "survey_questionnaires",
  {
    id: id(),
    periodId: ref("period_id", () => periods.id, "cascade"),
    unitTypeId: ref("unit_type_id", () => unitTypes.id),
    respondentGroup: text("respondent_group", { enum: ["delegates", "non_state"] }).notNull(),
    title: text("title").notNull(),
    intro: text("intro").notNull().default(""),
    options: jsonb("options")
      .$type<{ code: string; label: string; labelEn: string; weight: number | null }[]>()
      .notNull(),
    unitIds: uuid("unit_ids").array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("survey_questionnaires_idx").on(t.periodId, t.unitTypeId, t.respondentGroup)],
);

/** A question of a questionnaire, mapped to a survey leaf of the unit type's index set by its code. */
export const surveyQuestions = pgTable(
  "survey_questions",
  {
    id: id(),
    questionnaireId: ref("questionnaire_id", () => surveyQuestionnaires.id, "cascade"),
    itemCode: text("item_code").notNull(),
    text: text("text").notNull(),
    textEn: text("text_en").notNull().default(""),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [index("survey_questions_q_idx").on(t.questionnaireId, t.sortOrder)],
);

/**
 * A respondent of a questionnaire and the tracking of their link. Only the SHA-256 of the token is kept; the
 * answers are stored without any reference to this row (anonymity: no report can link an answer to a person).
 */
export const surveyRespondents = pgTable(
  "survey_respondents",
  {
    id: id(),
    questionnaireId: ref("questionnaire_id", () => surveyQuestionnaires.id, "cascade"),
    fullName: text("full_name").notNull(),
    organisation: text("organisation").notNull().default(""),
    email: text("email"),
    tokenHash: text("token_hash").unique(),
    tokenExpiresAt: tstz("token_expires_at"),
    sentAt: tstz("sent_at"),
    openedAt: tstz("opened_at"),
    /** Set once, atomically with the insert of the answers: the token is spent. */
    answeredAt: tstz("answered_at"),
    createdAt: createdAt(),
  },
  (t) => [index("survey_respondents_q_idx").on(t.questionnaireId)],
);

/**
 * One filled-in questionnaire (through a link, or a numbered paper form typed in by staff). Deliberately without a
 * respondent id and without a timestamp, so that not even the order of arrival ties it to a respondent's row.
 */
export const surveySubmissions = pgTable(
  "survey_submissions",
  {
    id: id(),
    questionnaireId: ref("questionnaire_id", () => surveyQuestionnaires.id, "cascade"),
    source: text("source", { enum: ["link", "paper"] }).notNull(),
    formNumber: integer("form_number"),
  },
  (t) => [uniqueIndex("survey_submissions_form_idx").on(t.questionnaireId, t.formNumber)],
);

/** The option chosen for one question about one unit in one submission. */
export const surveyAnswers = pgTable(
  "survey_answers",
  {
    submissionId: ref("submission_id", () => surveySubmissions.id, "cascade"),
    unitId: ref("unit_id", () => units.id),
    questionId: ref("question_id", () => surveyQuestions.id, "cascade"),
    option: text("option").notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.unitId, t.questionId] })],
);

/** The admin's lock of a period's survey results: from then on they count in totals and the ranking. */
export const surveyLocks = pgTable("survey_locks", {
  periodId: uuid("period_id")
    .primaryKey()
    .references(() => periods.id, { onDelete: "cascade" }),
  lockedBy: ref("locked_by", () => users.id),
  lockedAt: tstz("locked_at").notNull().defaultNow(),
  reason: text("reason").notNull(),
});
