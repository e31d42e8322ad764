export * from "./builders";
export { loadSample, demoAccountTable } from "./loadSample";
export { isEmpty } from "@ca/server/src/seedApi";
export { DEMO_ACCOUNTS, DEMO_PASSWORD, SAMPLE_COUNCIL } from "./data/accounts";
// The 2023 plan's index sets, which the sample periods are loaded with, belong to the server's period template.
export { INDEX_SETS_2023 as SAMPLE_INDEX_SETS } from "@ca/server/src/seedApi";
export { timeline2023, trainingTimeline, vnTime, sampleRules } from "./data/periods";
export { PROVINCIAL_AGENCIES, DISTRICT_COMMITTEES } from "./data/units";
