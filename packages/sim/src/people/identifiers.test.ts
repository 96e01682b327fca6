import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseEmail, normalisePhone, passesElevenTest } from "@omniloket/domain";
import { createRng } from "../random";
import {
  asciiSlug,
  bsnCandidate,
  createIdentifierRegistry,
  newBsn,
  newKvk,
  newLandline,
  newMobile,
  newPersonalEmail,
} from "./identifiers";

describe("identifiers", () => {
  it("draws BSNs that pass the 11-proef, or nothing when no ninth digit fits", () => {
    const rng = createRng("bsn");
    let skipped = 0;
    for (let i = 0; i < 5000; i++) {
      const bsn = bsnCandidate(rng);
      if (bsn === null) skipped++;
      else assert.ok(passesElevenTest(bsn), bsn);
    }
    // A remainder of 10 (no digit works) happens about one time in eleven.
    assert.ok(skipped > 200 && skipped < 800, `skipped ${skipped}`);
  });

  it("never hands out the same identifier twice", () => {
    const rng = createRng("unique");
    const registry = createIdentifierRegistry();
    const bsns = Array.from({ length: 3000 }, () => newBsn(rng, registry));
    const kvks = Array.from({ length: 3000 }, () => newKvk(rng, registry));
    assert.equal(new Set(bsns).size, bsns.length);
    assert.equal(new Set(kvks).size, kvks.length);
    for (const kvk of kvks) assert.match(kvk, /^[1-9]\d{7}$/);
  });

  it("makes valid Dutch numbers in E.164", () => {
    const rng = createRng("phone");
    const registry = createIdentifierRegistry();
    for (let i = 0; i < 300; i++) {
      for (const number of [newMobile(rng, registry), newLandline(rng, registry)]) {
        assert.match(number, /^\+31\d{9}$/);
        assert.deepEqual(normalisePhone(number), { ok: true, value: number });
      }
    }
  });

  it("makes email addresses on example and test domains that survive normalisation", () => {
    const rng = createRng("email");
    const registry = createIdentifierRegistry();
    const person = { givenName: "Ayşe", familyNamePrefix: "van der", familyName: "Öztürk", birthYear: 1980 };
    for (let i = 0; i < 200; i++) {
      const email = newPersonalEmail(rng, registry, person);
      assert.match(email, /@(example\.(nl|com|org)|(post\.)?voorbeeld\.test)$/);
      assert.deepEqual(normaliseEmail(email), { ok: true, value: email });
    }
    assert.equal(asciiSlug("Łukasz Wiśniewski"), "lukaszwisniewski");
  });
});
