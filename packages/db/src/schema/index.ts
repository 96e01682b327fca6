export * from "./chat";
export * from "./classification";
export * from "./knowledge";
export * from "./organisation";
export * from "./parties";
export * from "./portal";
export * from "./questions";
export * from "./records";
