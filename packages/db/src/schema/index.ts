export * from "./chat";
export * from "./knowledge";
export * from "./organisation";
export * from "./parties";
export * from "./questions";
export * from "./records";
