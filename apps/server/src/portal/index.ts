export { ACCESSIBILITY_PATH } from "./accessibility-page";
export { DEMO_MAILBOX_PATH, registerDemoMailboxRoutes } from "./demo-mailbox.routes";
export {
  PORTAL_PATH,
  PORTAL_SESSION_COOKIE,
  type PortalOptions,
  registerPortalRoutes,
} from "./portal.routes";
