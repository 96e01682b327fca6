import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isLoopbackAddress } from "./loopback";

describe("isLoopbackAddress", () => {
  it("allows this computer's own addresses", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.0.0.2", "::FFFF:127.0.0.1"])
      assert.equal(isLoopbackAddress(address), true, address);
  });

  it("refuses every other address, and a missing one", () => {
    for (const address of [
      "10.0.0.5",
      "::ffff:10.0.0.5",
      "192.0.2.10",
      "128.0.0.1",
      "::",
      "::2",
      "fe80::1",
      "127.0.0.1.example",
      "127.0.0.256",
      "localhost",
      "unknown",
      "",
      undefined,
      null,
    ])
      assert.equal(isLoopbackAddress(address), false, String(address));
  });
});
