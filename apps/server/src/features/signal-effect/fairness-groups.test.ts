import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { distribution } from "./distribution";
import { type FairnessDimension, fairnessGroups, type ResidentGroupFacts } from "./fairness-groups";

const now = new Date("2026-06-15T12:00:00Z");

function resident(n: number, facts: Partial<ResidentGroupFacts>): ResidentGroupFacts {
  return {
    partyId: `p${n}`,
    postcodeArea: null,
    birthDate: null,
    contactLanguage: null,
    preferredChannel: null,
    channelsUsed: [],
    signalsRaised: 0,
    signalsAccepted: 0,
    ...facts,
  };
}

const group = (dimensions: FairnessDimension[], id: string, value: string) =>
  dimensions.find((d) => d.id === id)?.groups.find((g) => g.value === value);

describe("fairness groups of the helping hand", () => {
  // Twelve residents who only phone, in Dutch, in 3811, aged 80; 4 of them had a signal, 2 accepted.
  const phoners = Array.from({ length: 12 }, (_, i) =>
    resident(i, {
      postcodeArea: "3811",
      birthDate: "1946-01-01",
      contactLanguage: "nld",
      preferredChannel: "phone",
      channelsUsed: ["phone"],
      signalsRaised: i < 4 ? 1 : 0,
      signalsAccepted: i < 2 ? 1 : 0,
    }),
  );
  // Twenty who also write, in 3812, aged 30 (birthday on the day of measuring); 10 signals, 8 accepted.
  const writers = Array.from({ length: 20 }, (_, i) =>
    resident(100 + i, {
      postcodeArea: "3812",
      birthDate: "1996-06-15",
      contactLanguage: "nld",
      channelsUsed: ["email", "phone"],
      signalsRaised: i < 10 ? 1 : 0,
      signalsAccepted: i < 8 ? 1 : 0,
    }),
  );
  // Three who write in English: too few to show.
  const english = Array.from({ length: 3 }, (_, i) =>
    resident(200 + i, { contactLanguage: "eng", channelsUsed: ["email"], signalsRaised: 1 }),
  );
  const dimensions = fairnessGroups([...phoners, ...writers, ...english], now);

  it("gives per group the residents, signals per 100 residents and the share accepted", () => {
    assert.deepEqual(group(dimensions, "channel-use", "only-non-digital"), {
      value: "only-non-digital",
      label: "alleen niet-digitaal (telefoon, balie, brief)",
      tooSmall: false,
      residents: 12,
      signalsRaised: 4,
      raisedPer100: 33.3,
      signalsAccepted: 2,
      acceptedShare: 0.5,
    });
    const digital = group(dimensions, "channel-use", "digital");
    assert.equal(digital?.residents, 23);
    assert.equal(digital?.raisedPer100, 56.5);
    assert.equal(group(dimensions, "district", "3812")?.acceptedShare, 0.8);
    assert.equal(group(dimensions, "age-band", "75+")?.residents, 12);
    assert.equal(group(dimensions, "age-band", "75+")?.label, "75 jaar en ouder");
    assert.equal(group(dimensions, "age-band", "30-44")?.residents, 20, "30 on the day of their birthday");
    assert.equal(group(dimensions, "preferred-channel", "phone")?.label, "telefoon");
  });

  it("shows no figures for a group under ten residents, and what is not stored as unknown", () => {
    assert.deepEqual(group(dimensions, "language", "eng"), {
      value: "eng",
      label: "Engels",
      tooSmall: true,
      residents: null,
      signalsRaised: null,
      raisedPer100: null,
      signalsAccepted: null,
      acceptedShare: null,
    });
    const unknownDistrict = group(dimensions, "district", "unknown");
    assert.equal(unknownDistrict?.label, "onbekend");
    assert.equal(unknownDistrict?.tooSmall, true);
    const unknownChannel = group(dimensions, "preferred-channel", "unknown");
    assert.equal(unknownChannel?.residents, 23);
    const districts = dimensions.find((d) => d.id === "district")?.groups.map((g) => g.value);
    assert.deepEqual(districts, ["3812", "3811", "unknown"], "largest first, unknown last");
  });
});

describe("distributions instead of averages", () => {
  it("gives quartiles and the median, and nothing for no values", () => {
    assert.deepEqual(distribution([4, 1, 3, 2]), { n: 4, p25: 1.8, median: 2.5, p75: 3.3 });
    assert.deepEqual(distribution([-2]), { n: 1, p25: -2, median: -2, p75: -2 });
    assert.equal(distribution([]), null);
  });
});
