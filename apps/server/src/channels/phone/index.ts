export { CTI_WEBHOOK_PATH, registerCtiRoutes } from "./cti.routes";
export { ctiSignature } from "./cti-signature";
