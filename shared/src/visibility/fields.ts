/**
 * THE visibility rule (docs/visibility.md): for every field of every object the API, the exports and the live
 * events present about a dossier, which viewer class sees it at which dossier status. Presenters ask it
 * (`redact`, `visibleStages`, `audienceOf`); nothing else decides. The generated matrix
 * (tests/server/visibility/visibilityMatrix.test.ts) checks every response and event against these tables.
 */
import type { FieldTable } from "./rule";
import { DOSSIER, DOSSIER_SUMMARY } from "./fields/dossier";
import {
  RANKING_ROW,
  DASHBOARD_UNIT,
  PROGRESS_ROW,
  UNIT_RESPONSIBILITY,
  RESPONSIBILITY_ROW,
} from "./fields/ranking";
import { MEETING_AGENDA_ITEM, PROJECTION, SNAPSHOT } from "./fields/meeting";
import { AGREEMENT_ROW, PUBLISHED_ROW, PUBLIC_ROW, NOTIFICATION } from "./fields/results";
import { LIVE_EVENTS } from "./fields/liveEvents";
import { EXPORTS } from "./fields/exports";

export {
  DOSSIER,
  DOSSIER_SUMMARY,
  RANKING_ROW,
  DASHBOARD_UNIT,
  PROGRESS_ROW,
  UNIT_RESPONSIBILITY,
  RESPONSIBILITY_ROW,
  MEETING_AGENDA_ITEM,
  PROJECTION,
  SNAPSHOT,
  AGREEMENT_ROW,
  PUBLISHED_ROW,
  PUBLIC_ROW,
  NOTIFICATION,
  LIVE_EVENTS,
  EXPORTS,
};

/** Every table of the rule, by name (for the generated tests and docs). */
export const VISIBILITY_TABLES: readonly FieldTable[] = [
  DOSSIER,
  DOSSIER_SUMMARY,
  RANKING_ROW,
  DASHBOARD_UNIT,
  PROGRESS_ROW,
  UNIT_RESPONSIBILITY,
  RESPONSIBILITY_ROW,
  MEETING_AGENDA_ITEM,
  PROJECTION,
  SNAPSHOT,
  AGREEMENT_ROW,
  PUBLISHED_ROW,
  PUBLIC_ROW,
  NOTIFICATION,
  ...Object.values(LIVE_EVENTS),
  ...Object.values(EXPORTS),
];
