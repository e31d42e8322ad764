export * from "./points";
