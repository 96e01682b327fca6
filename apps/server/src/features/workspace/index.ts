export { ensureWebBuild, isWebBuildStale, WEB_DIST_DIR } from "./web-build";
export { registerWorkspaceRoutes, WORKSPACE_PAGES } from "./workspace.routes";
