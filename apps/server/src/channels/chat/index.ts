export { type ChatRouteOptions, registerChatRoutes } from "./chat.routes";
export { buildWidget, WIDGET_DIR, widgetScript } from "./widget-asset";
