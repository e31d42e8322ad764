import type { DossierStatus } from "../workflow";
import { DOSSIER, LIVE_EVENTS } from "./fields";
import { sees } from "./rule";

/**
 * Which of a dossier's rooms hear a live event about it: `readers` (`dossier:<id>`: the unit's own people and the
 * council side) when the unit's people see every field of the event — and, for `dossier:update`, the field that
 * changed — at the dossier's status; else `council` (`dossier:<id>:council`). Both also go to the council's period
 * room, except to members recused on the dossier: none of these events is theirs to hear.
 */
export function audienceOf(
  event: keyof typeof LIVE_EVENTS,
  status: DossierStatus,
  /** A path of the dossier table: what changed, for `dossier:update`. */
  changed?: string,
): "readers" | "council" {
  const table = LIVE_EVENTS[event];
  const fields = Object.keys(table.fields).every((p) => sees(table, p, "ownAgency", status));
  const change = changed === undefined || sees(DOSSIER, changed, "ownAgency", status);
  return fields && change ? "readers" : "council";
}
