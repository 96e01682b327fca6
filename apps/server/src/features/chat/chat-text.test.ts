import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../platform/errors";
import { cleanChatText, MAX_CHAT_MESSAGE_CHARS } from "./chat-text";
import { hashEmailCode, newEmailCode, newVisitorToken, tokenMatches } from "./visitor-token";

describe("chat text and tokens", () => {
  it("keeps text as text: line breaks kept, control characters and outer space removed", () => {
    assert.equal(cleanChatText("  <b>hoi</b>\r\nregel 2\u0007 "), "<b>hoi</b>\nregel 2");
  });

  it("refuses an empty or too long message with a Dutch detail naming the field", () => {
    for (const text of ["   ", "x".repeat(MAX_CHAT_MESSAGE_CHARS + 1)]) {
      assert.throws(
        () => cleanChatText(text),
        (error: unknown) =>
          error instanceof AppError &&
          error.category === "validation" &&
          error.invalidParams[0]?.name === "text",
      );
    }
    assert.equal(cleanChatText("é".repeat(MAX_CHAT_MESSAGE_CHARS)).length, MAX_CHAT_MESSAGE_CHARS);
  });

  it("stores only hashes: a token matches its own hash only; codes are six digits bound to the session", () => {
    const a = newVisitorToken();
    const b = newVisitorToken();
    assert.ok(tokenMatches(a.hash, a.token));
    assert.ok(!tokenMatches(a.hash, b.token));
    assert.ok(!tokenMatches(a.hash, ""));
    for (let i = 0; i < 50; i++) assert.match(newEmailCode(), /^\d{6}$/);
    assert.notEqual(hashEmailCode("s1", "123456"), hashEmailCode("s2", "123456"));
  });
});
