export * from "./builders";
export { loadSample, demoAccountTable } from "./loadSample";
export { isEmpty } from "@ca/server/src/seedApi";
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
