import type { IngestInteraction } from "@omniloket/contract";
import { safeFileName, shouldQuarantineAttachment } from "@omniloket/domain";
import type { FileStore } from "../../platform/storage/file-store";

export type StoredAttachment = {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  quarantined: boolean;
};

/** Stores each attachment's bytes through the storage port; dangerous types are kept but quarantined. */
export async function storeAttachments(
  files: FileStore,
  attachments: IngestInteraction["attachments"],
): Promise<StoredAttachment[]> {
  const stored: StoredAttachment[] = [];
  for (const attachment of attachments) {
    const bytes = Buffer.from(attachment.contentBase64, "base64");
    const { sha256, sizeBytes } = await files.put(bytes);
    const fileName = safeFileName(attachment.fileName);
    stored.push({
      fileName,
      contentType: attachment.contentType,
      sizeBytes,
      sha256,
      quarantined: shouldQuarantineAttachment(fileName, attachment.contentType),
    });
  }
  return stored;
}
