export { registerAdminRoutes } from "./admin.routes";
export { registerChannelSettingsRoutes } from "./channel-settings.routes";
export { registerDeadLetterRoutes } from "./dead-letters.routes";
export { registerDemoRoutes } from "./demo.routes";
export { registerQuarantineRoutes } from "./quarantine.routes";
