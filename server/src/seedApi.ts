/**
 * The one entry point through which the seeds (seeds/) reach the server: the tables, the commands and helpers the
 * sample is written with, and what the seed CLI and the snapshot builder open the database with.
 * Nothing else of the server is the seeds' to import (docs/architecture.md "Start and the sample").
 */
export * as t from "./db/schema";
export { openPglite, type Db, type DbOrTx } from "./db/client";
export { openDatabase } from "./db/open";
export { insertIndexSet, type IndexItemInput } from "./db/insertIndexTree";
export { loadConfig } from "./config";
export { hashPassword, useFastHashing } from "./auth/password";
export { appendAudit } from "./audit/appendAudit";
export { lockSurveyResults } from "./commands/lockSurveyResults";
// The training sample's workflow, step by step as the people would take it (seeds/src/sampleTraining.ts).
export { submitSelfAssessment } from "./commands/submitSelfAssessment";
export { saveReview } from "./commands/saveReview";
export { closeRound } from "./commands/closeRound";
export { answerComment } from "./commands/answerComment";
export { submitExplanation } from "./commands/submitExplanation";
export { resolveComment } from "./commands/resolveComment";
export { createMeeting } from "./commands/createMeeting";
export { SAMPLE_PDF, SAMPLE_PDF_SHA256, SampleDocumentStore } from "./services/files/sampleDocument";
export type { DomainEvent, EventSink } from "./events/domainEvents";
export { newSurveyToken } from "./services/surveyTokens";
// The 2023 plan's template data, which the sample 2023 and training periods are loaded with.
export { PLAN_2023, UNIT_TYPES_2023 } from "./periodTemplates/plan2023";
export { INDEX_SETS_2023 } from "./periodTemplates/plan2023/indexSets";
export { DEFAULT_RULES, MILESTONE_LABELS } from "./periodTemplates/defaults";
export {
  computePeriodResults,
  toAgreementRanking,
  toPublishedResults,
} from "./services/results/periodResults";
export {
  isEmpty,
  migrationsFingerprint,
  sampleDay,
  snapshotFile,
  type DemoAccountRow,
  type SampleSeed,
  type SnapshotMeta,
} from "./firstStart";
