export { registerAdminRoutes } from "./admin.routes";
export { registerDemoRoutes } from "./demo.routes";
