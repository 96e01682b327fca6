export {
  isAllowedAttachmentType,
  isDangerousAttachment,
  safeFileName,
  shouldQuarantineAttachment,
} from "./attachment-rules";
