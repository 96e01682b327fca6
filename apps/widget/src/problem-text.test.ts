import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { problemText } from "./problem-text";
import { TEXTS } from "./texts";

const failure = (message: string, code?: string) => Object.assign(new Error(message), { code });

describe("the widget's error texts", () => {
  it("shows the server's Dutch detail to a Dutch visitor", () => {
    assert.equal(
      problemText(TEXTS.nl, failure("De code klopt niet. Kijk nog eens in uw e-mail.", "chat-wrong-code")),
      "De code klopt niet. Kijk nog eens in uw e-mail.",
    );
  });

  it("says the same in English by the problem's code, and keeps an unknown one's detail", () => {
    assert.equal(
      problemText(TEXTS.en, failure("De code klopt niet. Kijk nog eens in uw e-mail.", "chat-wrong-code")),
      "The code is not right. Please check your email again.",
    );
    assert.equal(problemText(TEXTS.en, failure("Iets nieuws.", "something-new")), "Iets nieuws.");
  });

  it("uses its own words when the server did not answer or said only a status", () => {
    assert.equal(problemText(TEXTS.nl, new TypeError("Failed to fetch")), TEXTS.nl.error);
    assert.equal(problemText(TEXTS.en, new TypeError("Failed to fetch")), TEXTS.en.error);
    assert.equal(problemText(TEXTS.nl, failure("502")), TEXTS.nl.error);
  });
});
