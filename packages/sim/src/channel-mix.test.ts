import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generateMunicipality } from "./simulate";
import { channelMix } from "./summary";

/** The municipality's mix over all interactions, both directions (percent). */
const targets = { phone: 33, webform: 18, email: 17, counter: 12, chat: 9, messaging: 8, letter: 3 };
const TOLERANCE = 2.5;

describe("channel mix at the default size", () => {
  const g = generateMunicipality({ seed: "voorbeeldstad", residents: 5000, months: 12 });
  const mix = channelMix(g);

  it("has about 30,000 interactions for 5,000 residents in 12 months", () => {
    assert.ok(Math.abs(g.interactions.length - 30_000) < 3000, `${g.interactions.length}`);
  });

  it("lands near the target mix", () => {
    const actual = { ...mix, messaging: mix.whatsapp + mix.sms };
    for (const [channel, target] of Object.entries(targets)) {
      const share = actual[channel as keyof typeof actual];
      assert.ok(Math.abs(share - target) <= TOLERANCE, `${channel}: ${share}% (target ${target}%)`);
    }
  });

  it("scales linearly with the number of residents and months", () => {
    const small = generateMunicipality({ seed: "voorbeeldstad", residents: 1000, months: 6 });
    const expected = g.interactions.length / 10;
    assert.ok(
      Math.abs(small.interactions.length - expected) < expected * 0.15,
      `${small.interactions.length} vs ${expected}`,
    );
  });
});
