import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { foldText, normaliseHouseNumber, normaliseStreet } from "./normalise-text";

describe("text normalisation", () => {
  it("folds case, diacritics and punctuation", () => {
    assert.equal(foldText("  Zoë  van Aërssen-Ünal "), "zoe van aerssen unal");
  });

  it("expands common street abbreviations", () => {
    assert.equal(normaliseStreet("Kerkstr."), normaliseStreet("Kerkstraat"));
    assert.equal(normaliseStreet("Kerkstr"), "kerkstraat");
    assert.equal(normaliseStreet("Burg. de Vlugtln."), normaliseStreet("Burgemeester De Vlugtlaan"));
    assert.equal(normaliseStreet("St. Jansstr."), normaliseStreet("Sint Jansstraat"));
    assert.equal(normaliseStreet("Jan v. Galenstr."), normaliseStreet("Jan van Galenstraat"));
    assert.equal(normaliseStreet("Herengr."), "herengracht");
    assert.equal(normaliseStreet("Museumpl."), "museumplein");
    assert.equal(normaliseStreet("Prinsengracht"), "prinsengracht");
  });

  it("keeps house-number additions apart from longer numbers", () => {
    assert.equal(normaliseHouseNumber("12 A"), "12-a");
    assert.equal(normaliseHouseNumber("12a"), "12-a");
    assert.equal(normaliseHouseNumber("12-A"), "12-a");
    assert.equal(normaliseHouseNumber("12-2"), "12-2");
    assert.equal(normaliseHouseNumber("122"), "122");
    assert.equal(normaliseHouseNumber(" 12 "), "12");
  });
});
