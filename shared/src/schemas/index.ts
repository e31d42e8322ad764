export * from "./common";
export * from "./auth";
export * from "./period";
export * from "./unit";
export * from "./user";
export * from "./indexSet";
export * from "./dossier";
export * from "./error";
