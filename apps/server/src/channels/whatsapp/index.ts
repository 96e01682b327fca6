export { whatsappServiceWindowOpen } from "./service-window";
export { registerWhatsappRoutes, WHATSAPP_WEBHOOK_PATH } from "./whatsapp.routes";
export { whatsappSender } from "./whatsapp-sender";
export { whatsappSignature } from "./whatsapp-signature";
