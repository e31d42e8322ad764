export * from "./roles";
export * from "./errors";
export * from "./points";
export * from "./workflow";
export * from "./events";
export * from "./schemas";
export * from "./policies";
export * from "./indexTree";
