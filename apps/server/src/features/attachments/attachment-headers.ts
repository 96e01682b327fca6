/** Types a browser may show in a tab (inside a sandbox); everything else is only downloaded. */
const inlineTypes = [/^image\/(png|jpeg|gif|webp)$/i, /^application\/pdf$/i];

/** RFC 6266 / RFC 5987: an ASCII fallback name and the exact name in UTF-8. */
function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Headers that keep a resident's file from doing harm in the workspace: the stored type, no sniffing,
 * a sandbox without scripts or same-origin access, no caching. Only images and PDF open inline.
 */
export function attachmentHeaders(
  fileName: string,
  contentType: string,
  size: number,
): Record<string, string> {
  const inline = inlineTypes.some((pattern) => pattern.test(contentType));
  return {
    "Content-Type": contentType,
    "Content-Length": String(size),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", fileName),
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}
