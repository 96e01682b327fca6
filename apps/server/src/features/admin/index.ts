export { registerAdminRoutes } from "./admin.routes";
export { registerDeadLetterRoutes } from "./dead-letters.routes";
export { registerDemoRoutes } from "./demo.routes";
