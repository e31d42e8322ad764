export * from "./builders";
export { loadSample, isEmpty, demoAccountTable } from "./loadSample";
export { DEMO_ACCOUNTS, DEMO_PASSWORD, SAMPLE_COUNCIL } from "./data/accounts";
export { SAMPLE_INDEX_SETS } from "./data/indexSets";
export {
  timeline2023,
  trainingTimeline,
  vnTime,
  sampleRules,
  BANDS_2023,
  MILESTONE_LABELS,
} from "./data/periods";
export { UNIT_TYPES } from "./data/units";
export { PROVINCIAL_AGENCIES, DISTRICT_COMMITTEES } from "./data/units";
export { ensureSampleFiles, SAMPLE_PDF, SAMPLE_PDF_SHA256 } from "./sampleFiles";
