import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadConfig } from "../platform/config";
import { bsnFrom } from "./portal-oidc.routes";
import { openCookieValue, sealCookieValue } from "./sealed-cookie";

describe("OpenID Connect settings, the BSN claim and the signed cookies", () => {
  it("offers only the code login unless issuer and client id are both set", () => {
    assert.equal(loadConfig({}).oidc, null);
    assert.throws(() => loadConfig({ OMNILOKET_OIDC_ISSUER: "https://broker.example" }), /allebei/);
    assert.throws(() => loadConfig({ OMNILOKET_OIDC_CLIENT_ID: "omniloket" }), /allebei/);
    assert.deepEqual(
      loadConfig({ OMNILOKET_OIDC_ISSUER: "https://broker.example", OMNILOKET_OIDC_CLIENT_ID: "omniloket" })
        .oidc,
      { issuer: "https://broker.example", clientId: "omniloket", clientSecret: null, bsnClaim: "sub" },
    );
    const full = loadConfig({
      OMNILOKET_OIDC_ISSUER: "https://broker.example/oidc",
      OMNILOKET_OIDC_CLIENT_ID: "omniloket",
      OMNILOKET_OIDC_CLIENT_SECRET: "geheim",
      OMNILOKET_OIDC_BSN_CLAIM: "urn:nl:bsn",
      OMNILOKET_PUBLIC_URL: "https://omniloket.example.nl/",
    });
    assert.equal(full.oidc?.clientSecret, "geheim");
    assert.equal(full.oidc?.bsnClaim, "urn:nl:bsn");
    assert.equal(full.publicUrl, "https://omniloket.example.nl");
  });

  it("takes a BSN that passes the eleven-test, also behind a sector prefix", () => {
    assert.equal(bsnFrom("111222333"), "111222333");
    assert.equal(bsnFrom("s00000000:111222333"), "111222333");
    assert.equal(bsnFrom("12345672"), "012345672", "a leading zero lost");
    assert.equal(bsnFrom("111222334"), null, "fails the eleven-test");
    assert.equal(bsnFrom("a1b2c3"), null);
    assert.equal(bsnFrom(undefined), null);
    assert.equal(bsnFrom({ bsn: "111222333" }), null);
  });

  it("refuses a cookie value that was changed, is for another purpose or has expired", () => {
    const now = new Date("2026-11-30T10:00:00Z");
    const later = new Date(now.getTime() + 60_000);
    const value = sealCookieValue("secret", "oidc", { s: "state" }, later);
    assert.deepEqual(openCookieValue("secret", "oidc", value, now), { s: "state", exp: later.getTime() });
    assert.equal(openCookieValue("secret", "join", value, now), null);
    assert.equal(openCookieValue("other", "oidc", value, now), null);
    assert.equal(openCookieValue("secret", "oidc", value, later), null);
    const [body = "", mac = ""] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ s: "mine", exp: later.getTime() })).toString("base64url");
    assert.equal(openCookieValue("secret", "oidc", `${forged}.${mac}`, now), null);
    assert.equal(openCookieValue("secret", "oidc", `${body}.${mac}x`, now), null);
    assert.equal(openCookieValue("secret", "oidc", undefined, now), null);
  });
});
