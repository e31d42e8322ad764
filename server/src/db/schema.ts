import { sql } from "drizzle-orm";
import type { Figures, Level, QuantityRule } from "@ca/shared";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Kinds of appraised unit; data, not code (docs/domain.md §3: communes can be appraised just as well). */
export const unitTypes = pgTable("unit_types", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const units = pgTable(
  "units",
  {
    id: id(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    unitTypeId: uuid("unit_type_id")
      .notNull()
      .references(() => unitTypes.id),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    /** Codes of the units this one replaced (communes merged into it), so last year's results can be followed. */
    predecessorCodes: text("predecessor_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index("units_type_idx").on(t.unitTypeId)],
);

/** The head and deputies of a unit, with the index areas each deputy is in charge of (docs/domain.md §3). */
export const unitLeaders = pgTable("unit_leaders", {
  id: id(),
  unitId: uuid("unit_id")
    .notNull()
    .references(() => units.id, { onDelete: "cascade" }),
  fullName: text("full_name").notNull(),
  position: text("position", { enum: ["head", "deputy"] }).notNull(),
  title: text("title").notNull(),
  areaCodes: text("area_codes")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
});

export const users = pgTable("users", {
  id: id(),
  username: text("username").notNull().unique(),
  fullName: text("full_name").notNull(),
  email: text("email"),
  passwordHash: text("password_hash").notNull(),
  roles: text("roles").array().notNull(),
  unitId: uuid("unit_id").references(() => units.id),
  locale: text("locale", { enum: ["vi", "en"] })
    .notNull()
    .default("vi"),
  disabledAt: tstz("disabled_at"),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  "sessions",
  {
    sid: text("sid").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    data: jsonb("data").notNull(),
    expiresAt: tstz("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Failed sign-ins, kept for throttling (docs/targets.md S8); every one is also in the audit log. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    at: tstz("at").notNull().defaultNow(),
    /** The known device (signed `ca.dev` cookie) the failure came from; null for any other client. */
    device: text("device"),
  },
  (t) => [
    index("login_failures_key_idx").on(t.username, t.ip, t.at),
    // Per account from any address, and per address alone (commands/authenticate.ts).
    index("login_failures_account_idx").on(t.username, t.at),
    index("login_failures_ip_idx").on(t.ip, t.at),
  ],
);

export const periods = pgTable("periods", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  year: integer("year").notNull(),
  kind: text("kind", { enum: ["official", "training"] }).notNull(),
  timezone: text("timezone").notNull().default("Asia/Ho_Chi_Minh"),
  status: text("status", { enum: ["active", "archived"] })
    .notNull()
    .default("active"),
  /** Classification bands, tie-break order and responsibility rules, configured per period (docs/domain.md §3). */
  rules: jsonb("rules").notNull(),
  createdAt: createdAt(),
});

export const milestones = pgTable(
  "milestones",
  {
    id: id(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    labelEn: text("label_en").notNull(),
    startsAt: tstz("starts_at"),
    deadline: tstz("deadline").notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [uniqueIndex("milestones_period_key_idx").on(t.periodId, t.key)],
);

export const indexSets = pgTable("index_sets", {
  id: id(),
  code: text("code").notNull(),
  name: text("name").notNull(),
  version: integer("version").notNull().default(1),
  unitTypeId: uuid("unit_type_id")
    .notNull()
    .references(() => unitTypes.id),
  /** Caps in hundredths of a point, outside the 100 (docs/domain.md §3). */
  bonusCap: integer("bonus_cap").notNull().default(0),
  penaltyCap: integer("penalty_cap").notNull().default(0),
  createdAt: createdAt(),
});

/** The index tree. Points are integers in hundredths of a point, never floats (docs/domain.md §3). */
export const indexItems = pgTable(
  "index_items",
  {
    id: id(),
    indexSetId: uuid("index_set_id")
      .notNull()
      .references(() => indexSets.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id"),
    code: text("code").notNull(),
    kind: text("kind", { enum: ["area", "criterion", "sub", "bonus", "penalty"] }).notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en").notNull().default(""),
    guidance: text("guidance").notNull().default(""),
    maxPoints: integer("max_points").notNull(),
    step: integer("step").notNull().default(25),
    method: text("method", { enum: ["self", "survey", "council"] })
      .notNull()
      .default("self"),
    evidenceRequired: boolean("evidence_required").notNull().default(true),
    sortOrder: integer("sort_order").notNull(),
    /**
     * How a leaf turns an answer into points (docs/scoring-kinds.md): a number, a level of its rubric, done or not,
     * or figures through its rule. `kind` above is the item's place in the tree; this is its scoring kind.
     */
    scoringKind: text("scoring_kind", { enum: ["points", "levels", "yesno", "quantity"] })
      .notNull()
      .default("points"),
    /** The rubric of a `levels` leaf (a `yesno` leaf may carry its own two): points in hundredths. */
    levels: jsonb("levels").$type<Level[]>(),
    /** The rule of a `quantity` leaf: thresholds in hundredths of a percent (rates) or of the value's unit. */
    quantityRule: jsonb("quantity_rule").$type<QuantityRule>(),
  },
  (t) => [uniqueIndex("index_items_set_code_idx").on(t.indexSetId, t.code)],
);

/** Which index set a period applies to each unit type. */
export const periodIndexSets = pgTable(
  "period_index_sets",
  {
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    unitTypeId: uuid("unit_type_id")
      .notNull()
      .references(() => unitTypes.id),
    indexSetId: uuid("index_set_id")
      .notNull()
      .references(() => indexSets.id),
  },
  (t) => [uniqueIndex("period_index_sets_idx").on(t.periodId, t.unitTypeId)],
);

/** One unit's file for one period (docs/domain.md §2). */
export const dossiers = pgTable(
  "dossiers",
  {
    id: id(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    status: text("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dossiers_period_unit_idx").on(t.periodId, t.unitId)],
);

/** The appraisal council of a period: chair, members and working group, with assigned areas. */
export const councilMembers = pgTable(
  "council_members",
  {
    id: id(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ["chair", "member", "working_group"] }).notNull(),
    /** Area codes (e.g. "5" public finance) the member appraises, in every index set of the period. */
    areaCodes: text("area_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex("council_members_idx").on(t.periodId, t.userId)],
);

/** Declared conflicts of interest: the member is recused on that unit's dossier (docs/domain.md §1). */
export const conflicts = pgTable(
  "conflicts",
  {
    id: id(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    reason: text("reason").notNull(),
  },
  (t) => [uniqueIndex("conflicts_idx").on(t.periodId, t.userId, t.unitId)],
);

/**
 * Append-only, hash-chained audit log (docs/security.md). Each row's hash is keyed (HMAC with AUDIT_KEY, which the
 * database never sees) and covers its fields and the previous hash, so changing one byte anywhere breaks the chain
 * and nobody without the key can recompute it. Rows are written unchained, in the transaction of their change, and
 * chained moments later by one sealer in `seq` order (`audit/auditSealer.ts`), which checkpoints the head outside
 * the database. UPDATE (but the seal), DELETE and TRUNCATE are refused by triggers (migrations 0001, 0008, 0010).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: tstz("at").notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    oldValue: jsonb("old_value"),
    newValue: jsonb("new_value"),
    reason: text("reason"),
    /** Position in the hash chain; null until the sealer (`audit/auditSealer.ts`) chains the row. */
    seq: bigint("seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    uniqueIndex("audit_log_seq_idx").on(t.seq),
    index("audit_log_unsealed_idx")
      .on(t.id)
      .where(sql`${t.seq} is null`),
  ],
);

/**
 * The score of one leaf of one dossier at one stage (docs/domain.md §3: self → round1 → round2 → agreed). Round scores
 * written by the working group are drafts until a council member confirms them.
 */
export const scores = pgTable(
  "scores",
  {
    id: id(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => indexItems.id),
    // "survey": the locked survey points of a survey leaf (issue 5), written by lockSurveyResults.
    stage: text("stage", { enum: ["self", "round1", "round2", "agreed", "survey"] }).notNull(),
    /** Hundredths of a point: given (`points` leaves) or derived on the server from the level or the figures. */
    score: integer("score").notNull(),
    /** The level chosen, on a `levels` or `yesno` leaf. */
    level: text("level"),
    /** The figures reported or appraised, on a `quantity` leaf (hundredths of their unit). */
    figures: jsonb("figures").$type<Figures>(),
    note: text("note").notNull().default(""),
    confirmed: boolean("confirmed").notNull().default(true),
    authorId: uuid("author_id").references(() => users.id),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("scores_dossier_item_stage_idx").on(t.dossierId, t.itemId, t.stage)],
);

/** Leaves that do not apply to a unit: the applicable maximum shrinks by theirs (docs/domain.md §3). */
export const notApplicable = pgTable(
  "not_applicable",
  {
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => indexItems.id),
    reason: text("reason").notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("not_applicable_idx").on(t.dossierId, t.itemId)],
);

/**
 * Uploaded files: evidence for a leaf (self-assessment or explanation) and signed reports. The bytes live on disk
 * under their SHA-256, outside the web root; this row is what makes them reachable, and only through `can()`.
 */
export const files = pgTable(
  "files",
  {
    id: id(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    itemId: uuid("item_id").references(() => indexItems.id),
    purpose: text("purpose", {
      enum: ["evidence", "explanation_evidence", "signed_self_report", "signed_explanation_report"],
    }).notNull(),
    sha256: text("sha256").notNull(),
    originalName: text("original_name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
    deletedAt: tstz("deleted_at"),
  },
  (t) => [index("files_dossier_idx").on(t.dossierId)],
);

/**
 * The council's comments on a leaf. `kind` internal = council-only note; request = a formal request for
 * explanation (giải trình) that the agency sees and answers; states open → answered → resolved.
 */
export const comments = pgTable(
  "comments",
  {
    id: id(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => indexItems.id),
    round: integer("round").notNull(),
    kind: text("kind", { enum: ["internal", "request"] }).notNull(),
    body: text("body").notNull(),
    authorId: uuid("author_id").references(() => users.id),
    status: text("status", { enum: ["open", "answered", "resolved"] })
      .notNull()
      .default("open"),
    answer: text("answer"),
    /** The agency's proposed revised score, hundredths of a point (derived from a proposed level or figures). */
    proposedScore: integer("proposed_score"),
    /** The level the agency proposes instead, on a `levels` or `yesno` leaf. */
    proposedLevel: text("proposed_level"),
    /** The figures the agency proposes instead, on a `quantity` leaf. */
    proposedFigures: jsonb("proposed_figures").$type<Figures>(),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: tstz("answered_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolvedAt: tstz("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [index("comments_dossier_idx").on(t.dossierId)],
);

/** The admin's extension of one unit's window for one milestone (reason required, audited). */
export const extensions = pgTable(
  "extensions",
  {
    id: id(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    milestoneKey: text("milestone_key").notNull(),
    until: tstz("until").notNull(),
    reason: text("reason").notNull(),
    grantedBy: uuid("granted_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("extensions_dossier_idx").on(t.dossierId, t.milestoneKey)],
);

/** In-app notifications (reminders, round closed, new request for explanation…). */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    readAt: tstz("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Yjs documents hold binary state; drizzle-orm 0.45 has no bytea column, so this one maps it to Uint8Array
 * (PGlite returns Uint8Array, node-postgres a Buffer, which is one).
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** The council meeting of step 9 (docs/domain.md §2, §4): an ordered agenda of dossiers, planned → running → ended. */
export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: tstz("starts_at").notNull(),
    status: text("status", { enum: ["planned", "running", "ended"] })
      .notNull()
      .default("planned"),
    createdBy: uuid("created_by").references(() => users.id),
    startedAt: tstz("started_at"),
    endedAt: tstz("ended_at"),
    /** The meeting tracker: where the chair is (dossier, leaf), so late joiners start there. */
    focus: jsonb("focus").$type<{ dossierId: string; leafCode: string | null; by: string; at: string }>(),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_period_idx").on(t.periodId, t.startsAt)],
);

/** The dossiers a meeting discusses, in order; each has its own Yjs document in that meeting. */
export const meetingAgenda = pgTable(
  "meeting_agenda",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.dossierId] }),
    uniqueIndex("meeting_agenda_position_idx").on(t.meetingId, t.position),
  ],
);

/**
 * Yjs updates as they arrive (append-only, one row per accepted batch), merged into `collab_docs` by compaction.
 * A document's content is its `collab_docs.state` plus every row here with its name.
 */
export const collabUpdates = pgTable(
  "collab_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    docName: text("doc_name").notNull(),
    update: bytea("update").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("collab_updates_doc_idx").on(t.docName, t.id)],
);

/** The compacted state of each Yjs document (one row per document). */
export const collabDocs = pgTable("collab_docs", {
  docName: text("doc_name").primaryKey(),
  state: bytea("state").notNull(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** A document's state frozen at a meeting milestone (start, each lock, end), viewable read-only later. */
export const collabSnapshots = pgTable(
  "collab_snapshots",
  {
    id: id(),
    docName: text("doc_name").notNull(),
    label: text("label").notNull(),
    state: bytea("state").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("collab_snapshots_doc_idx").on(t.docName, t.createdAt)],
);

/**
 * The council's agreement on the whole ranking of one unit type in a period (step 9's result, sent to UBND tỉnh):
 * the ranking frozen as agreed, with the minutes. One per unit type per period.
 */
export const councilAgreements = pgTable(
  "council_agreements",
  {
    id: id(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    unitTypeId: uuid("unit_type_id")
      .notNull()
      .references(() => unitTypes.id),
    minutes: text("minutes").notNull(),
    ranking: jsonb("ranking").notNull(),
    agreedBy: uuid("agreed_by")
      .notNull()
      .references(() => users.id),
    agreedAt: tstz("agreed_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("council_agreements_period_type_idx").on(t.periodId, t.unitTypeId)],
);

/**
 * The publication (công bố) of a period's agreed results, staged (docs/domain.md §2 step 10): to leadership first, then to
 * the appraised units, then to the public. The results are frozen at the first step, so every audience, the
 * report and the public page read the very same figures, whatever happens to the working data afterwards.
 */
export const resultPublications = pgTable("result_publications", {
  periodId: uuid("period_id")
    .primaryKey()
    .references(() => periods.id, { onDelete: "cascade" }),
  stage: text("stage", { enum: ["leadership", "units", "public"] }).notNull(),
  /** The published results (TPublishedResults in shared/src/schemas/results.ts): ranking and score cards. */
  results: jsonb("results").notNull(),
  /** Số ký hiệu of the report to UBND tỉnh, e.g. "125/BC-SNV". */
  documentNumber: text("document_number").notNull(),
  leadershipAt: tstz("leadership_at").notNull(),
  unitsAt: tstz("units_at"),
  publicAt: tstz("public_at"),
  publishedBy: uuid("published_by")
    .notNull()
    .references(() => users.id),
});

/**
 * A questionnaire of the sociological survey (docs/domain.md §3 "Survey points"): one per period, respondent group and unit
 * type. Options carry weights in whole percent (null = "don't know"); `unitIds` are the units every respondent rates.
 */
export const surveyQuestionnaires = pgTable(
  "survey_questionnaires",
  {
    id: id(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    unitTypeId: uuid("unit_type_id")
      .notNull()
      .references(() => unitTypes.id),
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
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => surveyQuestionnaires.id, { onDelete: "cascade" }),
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
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => surveyQuestionnaires.id, { onDelete: "cascade" }),
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
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => surveyQuestionnaires.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["link", "paper"] }).notNull(),
    formNumber: integer("form_number"),
  },
  (t) => [uniqueIndex("survey_submissions_form_idx").on(t.questionnaireId, t.formNumber)],
);

/** The option chosen for one question about one unit in one submission. */
export const surveyAnswers = pgTable(
  "survey_answers",
  {
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => surveySubmissions.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    questionId: uuid("question_id")
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: "cascade" }),
    option: text("option").notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.unitId, t.questionId] })],
);

/** The admin's lock of a period's survey results: from then on they count in totals and the ranking. */
export const surveyLocks = pgTable("survey_locks", {
  periodId: uuid("period_id")
    .primaryKey()
    .references(() => periods.id, { onDelete: "cascade" }),
  lockedBy: uuid("locked_by")
    .notNull()
    .references(() => users.id),
  lockedAt: tstz("locked_at").notNull().defaultNow(),
  reason: text("reason").notNull(),
});

/**
 * The council's decision that a unit may be rated no higher than `maxBand` in a period (a disqualifying fact, such
 * as the head disciplined this year), recorded by the chair with its reason and document number, audited, and
 * footnoted wherever the band is shown (docs/periods-and-classification.md). One per unit and period.
 */
export const councilBandCaps = pgTable(
  "council_band_caps",
  {
    id: id(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    maxBand: text("max_band").notNull(),
    reason: text("reason").notNull(),
    documentNumber: text("document_number").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: tstz("recorded_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("council_band_caps_idx").on(t.periodId, t.unitId)],
);

/**
 * The council's choice of which units of a tie straddling a band quota's cut keep the band (the tie-breaks could not
 * separate them). Valid only while the same tie stands; otherwise the ranking shows the cut as undecided again.
 */
export const quotaTieDecisions = pgTable(
  "quota_tie_decisions",
  {
    id: id(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    unitTypeId: uuid("unit_type_id")
      .notNull()
      .references(() => unitTypes.id),
    band: text("band").notNull(),
    unitIds: uuid("unit_ids").array().notNull(),
    reason: text("reason").notNull(),
    documentNumber: text("document_number").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: tstz("decided_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("quota_tie_decisions_idx").on(t.periodId, t.unitTypeId, t.band)],
);
