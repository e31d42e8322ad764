/** The scoring engine (docs/domain.md §3): pure and exact, shared by the server, the client and the seeds. */
export * from "./types";
export * from "./leafScore";
export * from "./totals";
export * from "./classify";
export * from "./rank";
export * from "./incremental";
export * from "./kinds";
export * from "./quota";
export * from "./columns";
export * from "./bandWhy";
export * from "./scoreProblems";
