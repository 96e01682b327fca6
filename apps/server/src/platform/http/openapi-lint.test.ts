import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { testBackends } from "../../test-support/backends";
import { testDeps } from "../../test-support/harness";

const ruleset = fileURLToPath(new URL("./standards/adr-ruleset.yaml", import.meta.url));
const spectral = fileURLToPath(new URL("../../../../../node_modules/.bin/spectral", import.meta.url));

type Finding = { code: string; message: string; path: string[]; severity: number };

function lint(file: string): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    execFile(
      spectral,
      ["lint", "-r", ruleset, file, "-f", "json", "--fail-severity", "hint", "-q"],
      (error, stdout) => {
        try {
          resolve(stdout.trim() ? (JSON.parse(stdout) as Finding[]) : []);
        } catch {
          reject(error ?? new Error(stdout));
        }
      },
    );
  });
}

const [backend] = testBackends();

describe("the OpenAPI document follows the NL API Design Rules (ADR linter)", () => {
  let database: Database & { drop(): Promise<void> };
  let dir: string;
  let document: Record<string, unknown> & { paths: Record<string, unknown> };

  before(async () => {
    if (!backend) throw new Error("no backend");
    database = await backend.open();
    dir = mkdtempSync(join(tmpdir(), "omniloket-oas-"));
    const response = await createApp(testDeps(database)).request("/api/v1/openapi.json");
    document = (await response.json()) as typeof document;
  });
  after(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("has no findings at any severity", { timeout: 60_000 }, async () => {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(document));
    const findings = await lint(file);
    assert.deepEqual(
      findings.map((f) => `${f.code}: ${f.message} at ${f.path.join(".")}`),
      [],
    );
  });

  it("would catch a path that breaks the rules (the linter really runs)", { timeout: 60_000 }, async () => {
    const file = join(dir, "broken.json");
    writeFileSync(
      file,
      JSON.stringify({
        ...document,
        paths: { ...document.paths, "/Bad_Path/": document.paths["/interactions"] },
      }),
    );
    const codes = (await lint(file)).map((f) => f.code);
    assert.ok(codes.includes("nlgov:paths-kebab-case"), codes.join(", "));
  });
});
