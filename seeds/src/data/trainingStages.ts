/**
 * Where each unit's dossier of the training period stands on the day the sample loads (seeds/src/sampleTraining.ts,
 * docs/api.md "Sample data"). The demo agencies (snv, stc, tp-tuyhoa) are not listed: they start as drafts.
 */
export type TrainingStage = "selfAssessing" | "submitted" | "explanationRequested" | "explained" | "onAgenda";

/**
 * The units at each stage, spread over both unit types so that each type's queues and ranking hold something at
 * every stage. Eleven still self-assess (scored in part, nothing submitted), as on any real first day, and every
 * step further costs the sample's load time (docs/architecture.md "Start and the sample"); tests and benches also
 * take their agency writers from the period's drafts. Six sit on the planned training meeting's agenda: enough for
 * the meeting to move between dossiers of both types.
 */
export const TRAINING_UNITS: Record<TrainingStage, string[]> = {
  selfAssessing: ["stp", "skhdt", "sct", "snnptnt", "sgtvt", "sxd", "stnmt", "skhcn", "h-tuyan", "h-dongxuan", "h-phuhoa"],
  submitted: ["vp-ubnd", "stttt", "sldtbxh", "tx-songcau"],
  explanationRequested: ["svhttdl", "sgddt", "h-tayhoa"],
  explained: ["syt", "sngv", "h-sonhoa"],
  onAgenda: ["ttt", "bdt", "bqlkkt", "bqlnnc", "tx-donghoa", "h-songhinh"],
};

/** The stage of a unit's training dossier, or undefined for the demo agencies (drafts). */
export const trainingStageOf = (unitCode: string): TrainingStage | undefined =>
  (Object.keys(TRAINING_UNITS) as TrainingStage[]).find((s) => TRAINING_UNITS[s].includes(unitCode));
