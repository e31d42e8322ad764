/** Scoring kinds: points, levels, yes/no and quantity leaves (docs/domain.md, "Scoring kinds"). */
export * from "./types";
export * from "./quantity";
export * from "./derive";
export * from "./definition";
export * from "./leaf";
export * from "./cells";
