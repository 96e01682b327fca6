export { attachmentHeaders } from "./attachment-headers";
export { registerAttachmentRoutes } from "./attachments.routes";
export { getAttachment } from "./get-attachment";
