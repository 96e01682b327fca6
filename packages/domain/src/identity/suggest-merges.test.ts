import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type PartyProfile, suggestMerges } from "./suggest-merges";

const jan: PartyProfile = {
  id: "p-jan",
  name: "Jan de Vries",
  postcode: "1234 AB",
  street: "Kerkstraat",
  houseNumber: "12",
  birthDate: "1970-05-01",
  level: "address-based",
};

describe("suggestMerges", () => {
  it("suggests the same name at the same postcode", () => {
    const candidate: PartyProfile = {
      id: "p-2",
      name: "jan de vries",
      postcode: "1234ab",
      level: "verified",
    };
    assert.deepEqual(suggestMerges(jan, [candidate]), [
      { candidatePartyId: "p-2", reasons: ["same-name-and-postcode"], score: 0.6 },
    ]);
  });

  it("tolerates diacritics and small typing errors in names", () => {
    const candidate: PartyProfile = {
      id: "p-2",
      name: "Jan de Vriës",
      postcode: "1234AB",
      level: "address-based",
    };
    const typo: PartyProfile = {
      id: "p-3",
      name: "Jan de Vreis",
      postcode: "1234AB",
      level: "address-based",
    };
    assert.deepEqual(
      suggestMerges(jan, [candidate, typo]).map((s) => s.candidatePartyId),
      ["p-2", "p-3"],
    );
  });

  it("combines a similar address with a birth date, but not either alone", () => {
    const sameAddress: PartyProfile = {
      id: "p-address",
      name: "Piet Jansen",
      street: "Kerkstr.",
      houseNumber: "12",
      level: "address-based",
    };
    const sameBirthDate: PartyProfile = { id: "p-birth", birthDate: "1970-05-01", level: "address-based" };
    const both: PartyProfile = { ...sameAddress, id: "p-both", birthDate: "1970-05-01" };
    assert.deepEqual(suggestMerges(jan, [sameAddress, sameBirthDate, both]), [
      { candidatePartyId: "p-both", reasons: ["similar-address", "same-birth-date"], score: 0.6 },
    ]);
    assert.deepEqual(
      suggestMerges(jan, [sameAddress, sameBirthDate], { minimumScore: 0.3 }).map((s) => s.reasons),
      [["similar-address"], ["same-birth-date"]],
    );
  });

  it("uses postcode and house number for the address when both postcodes are known", () => {
    const otherTown: PartyProfile = {
      id: "p-2",
      postcode: "9999ZZ",
      street: "Kerkstraat",
      houseNumber: "12",
      level: "verified",
    };
    const samePostcode: PartyProfile = {
      id: "p-3",
      postcode: "1234AB",
      street: "Kerkplein",
      houseNumber: "12",
      level: "verified",
    };
    const addition: PartyProfile = { id: "p-4", postcode: "1234AB", houseNumber: "12-2", level: "verified" };
    const options = { minimumScore: 0.3 };
    assert.deepEqual(suggestMerges(jan, [otherTown, addition], options), []);
    assert.deepEqual(suggestMerges(jan, [samePostcode], options)[0]?.reasons, ["similar-address"]);
  });

  it("ranks stronger suggestions first and caps the score at 1", () => {
    const everything: PartyProfile = { ...jan, id: "p-all", bsn: "249566758" };
    const nameOnly: PartyProfile = {
      id: "p-name",
      name: "Jan de Vries",
      postcode: "1234AB",
      level: "verified",
    };
    const result = suggestMerges({ ...jan, bsn: "249566758" }, [nameOnly, everything]);
    assert.deepEqual(
      result.map((s) => [s.candidatePartyId, s.score]),
      [
        ["p-all", 1],
        ["p-name", 0.6],
      ],
    );
    assert.deepEqual(result[0]?.reasons, [
      "same-bsn",
      "same-name-and-postcode",
      "similar-address",
      "same-birth-date",
    ]);
  });

  it("never suggests a party with itself or two parties with different BSNs", () => {
    const verified: PartyProfile = { ...jan, level: "verified", bsn: "249566758" };
    assert.deepEqual(suggestMerges(verified, [{ ...verified }]), []);
    assert.deepEqual(suggestMerges(verified, [{ ...verified, id: "p-other", bsn: "999993653" }]), []);
  });

  const party = fc.record(
    {
      id: fc.constantFrom("a", "b", "c", "d"),
      name: fc.constantFrom("Jan de Vries", "jan de vries", "Piet Jansen", ""),
      postcode: fc.constantFrom("1234AB", "1234 ab", "9999ZZ"),
      street: fc.constantFrom("Kerkstraat", "Kerkstr.", "Dorpsweg"),
      houseNumber: fc.constantFrom("12", "12a", "14"),
      birthDate: fc.constantFrom("1970-05-01", "1980-01-01"),
      bsn: fc.constantFrom("249566758", "999993653"),
      level: fc.constantFrom("address-based" as const, "verified" as const),
    },
    { requiredKeys: ["id", "level"] },
  );

  it("properties: never itself, never different BSNs, scores in range and sorted", () => {
    fc.assert(
      fc.property(
        party,
        fc.uniqueArray(party, { maxLength: 6, selector: (p) => p.id }),
        (subject, candidates) => {
          const suggestions = suggestMerges(subject, candidates);
          for (const suggestion of suggestions) {
            assert.notEqual(suggestion.candidatePartyId, subject.id);
            const candidate = candidates.find((c) => c.id === suggestion.candidatePartyId);
            assert.ok(!(subject.bsn && candidate?.bsn && subject.bsn !== candidate.bsn));
            assert.ok(suggestion.score >= 0.5 && suggestion.score <= 1);
            assert.ok(suggestion.reasons.length > 0);
          }
          const scores = suggestions.map((s) => s.score);
          assert.deepEqual(
            scores,
            [...scores].sort((x, y) => y - x),
          );
        },
      ),
    );
  });
});
