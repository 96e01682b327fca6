export { countInbox, type InboxCount } from "./count-inbox";
export { registerInboxRoutes } from "./inbox.routes";
export { decodeKeyset, encodeKeyset, type KeysetPosition } from "./inbox-cursor";
export { INBOX_STATUSES, type InboxFilter, type InboxItem, inboxPageQuery, listInbox } from "./list-inbox";
export { visibleQuestionsSql } from "./visible-questions";
