import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  isAllowedAttachmentType,
  isDangerousAttachment,
  safeFileName,
  shouldQuarantineAttachment,
} from "./attachment-rules";

describe("attachment rules", () => {
  it("strips paths and control characters from file names", () => {
    assert.equal(safeFileName("../../etc/passwd"), "passwd");
    assert.equal(safeFileName("C:\\Users\\jan\\bezwaar.pdf"), "bezwaar.pdf");
    assert.equal(safeFileName("brief\u0000.pdf"), "brief_.pdf");
    assert.equal(safeFileName("..."), "bijlage");
    assert.equal(safeFileName(" ."), "bijlage");
    assert.equal(safeFileName(" ..bashrc"), "bashrc");
    assert.equal(safeFileName("aanvraag kwijtschelding – juni.pdf"), "aanvraag kwijtschelding – juni.pdf");
  });

  it("never returns a name with a path separator or a leading dot", () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const safe = safeFileName(name);
        return safe.length > 0 && !safe.includes("/") && !safe.includes("\\") && !safe.startsWith(".");
      }),
    );
  });

  it("quarantines executables and scripts, not documents", () => {
    assert.equal(isDangerousAttachment("factuur.pdf.exe", "application/octet-stream"), true);
    assert.equal(isDangerousAttachment("foto.jpg", "application/x-msdownload"), true);
    assert.equal(isDangerousAttachment("bezwaar.pdf", "application/pdf"), false);
    assert.equal(isDangerousAttachment("scan.jpeg", "image/jpeg"), false);
  });

  it("allows documents, scans and photos, and quarantines other types", () => {
    assert.equal(isAllowedAttachmentType("application/pdf"), true);
    assert.equal(isAllowedAttachmentType("image/jpeg; name=foto.jpg"), true);
    assert.equal(
      isAllowedAttachmentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      true,
    );
    assert.equal(shouldQuarantineAttachment("archief.zip", "application/zip"), true);
    assert.equal(shouldQuarantineAttachment("scan.pdf", "application/pdf"), false);
    assert.equal(shouldQuarantineAttachment("scan.pdf.exe", "application/pdf"), true);
  });
});
