export { ACCESSIBILITY_PATH } from "./accessibility-page";
export {
  PORTAL_PATH,
  PORTAL_SESSION_COOKIE,
  type PortalOptions,
  registerPortalRoutes,
} from "./portal.routes";
