export { createTeam } from "./create-team";
export { createTenant } from "./create-tenant";
