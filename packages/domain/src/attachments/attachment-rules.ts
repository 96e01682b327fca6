/** File names as people send them are made safe to store and show: no paths, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_")
    .slice(-200)
    // Leading dots and spaces in any order (" .bashrc" would otherwise end as a hidden ".bashrc").
    .replace(/^[\s.]+/, "")
    .trim();
  return cleaned.length > 0 ? cleaned : "bijlage";
}

// Executables and scripts are kept but quarantined: nobody opens them from the workspace.
const dangerousExtensions = new Set([
  "exe",
  "com",
  "bat",
  "cmd",
  "msi",
  "scr",
  "pif",
  "js",
  "jse",
  "vbs",
  "vbe",
  "wsf",
  "wsh",
  "ps1",
  "psm1",
  "jar",
  "sh",
  "app",
  "dll",
  "hta",
  "lnk",
  "reg",
  "iso",
  "docm",
  "xlsm",
  "pptm",
]);
const dangerousTypes = [
  /^application\/(x-)?(msdownload|msdos-program|executable|javascript|x-sh|java-archive|vnd\.microsoft\.portable-executable)/i,
  /^text\/javascript/i,
];

export function isDangerousAttachment(fileName: string, contentType: string): boolean {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  return dangerousExtensions.has(extension) || dangerousTypes.some((pattern) => pattern.test(contentType));
}

// What residents normally send: documents, scans and photos. Anything else is kept but quarantined.
const allowedTypes = [
  /^application\/pdf$/i,
  /^image\/(jpeg|png|gif|webp|heic|heif|tiff|bmp)$/i,
  /^text\/(plain|csv)$/i,
  /^application\/(msword|rtf|vnd\.ms-excel|vnd\.ms-powerpoint)$/i,
  /^application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet|presentationml\.presentation)$/i,
  /^application\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation)$/i,
  /^message\/rfc822$/i,
];

export function isAllowedAttachmentType(contentType: string): boolean {
  const type = contentType.split(";")[0]?.trim() ?? "";
  return allowedTypes.some((pattern) => pattern.test(type));
}

/** Kept but not opened from the workspace until someone checked it: dangerous, or not a type we expect. */
export function shouldQuarantineAttachment(fileName: string, contentType: string): boolean {
  return isDangerousAttachment(fileName, contentType) || !isAllowedAttachmentType(contentType);
}
