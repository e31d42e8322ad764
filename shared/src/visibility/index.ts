export * from "./viewers";
export * from "./rule";
export * from "./fields";
export * from "./redact";
export * from "./live";
export * from "./stages";
