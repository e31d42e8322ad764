/**
 * The transaction origin of an update or presence change that another instance relayed (docs/scaling.md): it is
 * sent to this instance's clients but not published again, and written only by the instance that judges.
 */
export const RELAYED = Symbol("relayed");
