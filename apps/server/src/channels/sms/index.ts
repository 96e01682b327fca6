export { registerSmsRoutes, SMS_STATUS_PATH, SMS_WEBHOOK_PATH } from "./sms.routes";
export { smsSender } from "./sms-sender";
export { twilioSignature } from "./twilio-signature";
