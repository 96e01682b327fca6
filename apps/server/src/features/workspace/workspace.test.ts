import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import { testDeps } from "../../test-support/harness";
import { ensureWebBuild, isWebBuildStale } from "./web-build";

const [backend] = testBackends();

describe("the agent workspace is served at /werkplek", () => {
  let database: Database & { drop(): Promise<void> };
  let app: App;
  before(async () => {
    if (!backend) throw new Error("no backend");
    // Built once for the whole test run: a second call finds the stamp fresh.
    await ensureWebBuild();
    database = await backend.open();
    app = createApp(testDeps(database));
  });
  after(() => database.drop());

  it("builds only when the sources changed", async () => {
    assert.equal(isWebBuildStale(), false);
    assert.equal(await ensureWebBuild(), "fresh");
  });

  it("serves the same shell for every client route, without a login and without caching", async () => {
    for (const path of ["/werkplek/", "/werkplek/inloggen", "/werkplek/inbox", "/werkplek/vragen/abc"]) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get("content-type") ?? "", /text\/html/);
      assert.equal(response.headers.get("cache-control"), "no-store");
      assert.match(response.headers.get("content-security-policy") ?? "", /default-src 'self'/);
      const html = await response.text();
      assert.match(html, /<html lang="nl">/);
      assert.match(html, /src="\/werkplek\/assets\/index-[\w-]+\.js"/);
    }
    const bare = await app.request("/werkplek");
    assert.equal(bare.status, 308);
    assert.equal(bare.headers.get("location"), "/werkplek/");
  });

  it("serves the shell on a reload of every page that apps/web/src/routes.tsx defines", async () => {
    const source = readFileSync(new URL("../../../../web/src/routes.tsx", import.meta.url), "utf8");
    const paths = [...source.matchAll(/(?:\bpath: |\[)"(\/[^"]*)"/g)].map((m) => m[1] ?? "");
    assert.ok(paths.length >= 10, "found the client routes");
    for (const path of paths) {
      const url = `/werkplek${path.replace(/\$\w+/g, "abc")}`;
      const response = await app.request(url);
      assert.equal(response.status, 200, `${url} is not served on a reload`);
      assert.match(response.headers.get("content-type") ?? "", /text\/html/, url);
    }
  });

  it("serves hashed assets as immutable and refuses anything outside them", async () => {
    const html = await (await app.request("/werkplek/")).text();
    const script = /src="(\/werkplek\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script);
    const asset = await app.request(script);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get("content-type") ?? "", /javascript/);
    assert.match(asset.headers.get("cache-control") ?? "", /immutable/);
    for (const path of [
      "/werkplek/assets/..%2F..%2Fpackage.json",
      "/werkplek/assets/.omniloket-build-stamp",
      "/werkplek/assets/nope.js",
      "/werkplek/elders",
    ]) {
      const response = await app.request(path);
      assert.ok([401, 404].includes(response.status), `${path} answered ${response.status}`);
      assert.match(response.headers.get("content-type") ?? "", /problem\+json/);
    }
  });
});
