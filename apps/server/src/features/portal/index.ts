export { callbackSlots } from "./callback-slots";
export {
  type ContinueOptions,
  MAX_PORTAL_MESSAGE_CHARS,
  MOVABLE_CHANNELS,
  type MovableChannel,
  moveQuestionChannel,
  type PortalWriteResult,
  replyInPortal,
  requestPortalCallback,
} from "./continue-question";
export { getMyQuestion, type HistoryEntry, type MyQuestion } from "./get-my-question";
export { listMyQuestions, type MyQuestionSummary, type MyQuestions } from "./list-my-questions";
export {
  LOGIN_CODE_TTL_MS,
  MAX_LOGIN_CODE_ATTEMPTS,
  MAX_LOGIN_CODES_PER_HOUR,
  PORTAL_SESSION_TTL_MS,
} from "./login-code";
export {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  getMyConsents,
  type MyConsent,
  setMyConsent,
} from "./my-consents";
export { getMyInzage, INZAGE_ACCESS_LIMIT, type InzageAccess, type MyInzage } from "./my-inzage";
export {
  getMyPreferences,
  LANGUAGES,
  type MyPreferences,
  NEEDS,
  saveMyPreferences,
  saveMyTopicPreference,
} from "./my-preferences";
export { PORTAL_PURPOSE } from "./portal-audit";
export { endPortalSession, loadPortalSession, type PortalResident } from "./portal-session";
export {
  MAX_PRIVACY_REQUEST_CHARS,
  oneMonthAfter,
  PRIVACY_REQUEST_KINDS,
  type PrivacyRequestKind,
  type PrivacyRequestResult,
  requestCorrectionOrErasure,
} from "./privacy-request";
export { type LoginCodeText, type RequestLoginCodeResult, requestLoginCode } from "./request-login-code";
export { type VerifyLoginCodeResult, verifyLoginCode } from "./verify-login-code";
