export { callbackSlots } from "./callback-slots";
export { type ChatAboutQuestion, chatOffered, startChatAboutQuestion } from "./chat-about-question";
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
export { FOLLOW_CODE_LENGTH, followCode, isFollowCode, showFollowCode } from "./follow-code";
export {
  type FollowedQuestion,
  type FollowWriteResult,
  findFollowedQuestion,
  followQuestion,
  writeOnFollowedQuestion,
} from "./follow-question";
export { getMyQuestion, type HistoryEntry, type MyQuestion } from "./get-my-question";
export {
  getMyFeedback,
  giveQuestionFeedback,
  MAX_FEEDBACK_COMMENT_CHARS,
  type MyFeedback,
} from "./give-feedback";
export { type AddressJoinPreview, joinAddressRecords, previewAddressJoin } from "./join-address-records";
export { listMyQuestions, type MyQuestionSummary, type MyQuestions } from "./list-my-questions";
export { logInWithOidc } from "./log-in-with-oidc";
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
export { isUuid, loadOwnQuestion } from "./own-question";
export { PORTAL_PURPOSE, recordPortalAudit } from "./portal-audit";
export { endPortalSession, loadPortalSession, type PortalResident } from "./portal-session";
export {
  MAX_PRIVACY_REQUEST_CHARS,
  oneMonthAfter,
  PRIVACY_REQUEST_KINDS,
  type PrivacyRequestKind,
  type PrivacyRequestResult,
  requestCorrectionOrErasure,
} from "./privacy-request";
export {
  type LoginAddress,
  type LoginCodeSenders,
  type LoginCodeText,
  type RequestLoginCodeResult,
  requestLoginCode,
} from "./request-login-code";
export { type VerifyLoginCodeResult, verifyLoginCode } from "./verify-login-code";
