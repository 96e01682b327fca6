export { isDangerousAttachment, safeFileName } from "./attachment-rules";
