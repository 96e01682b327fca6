#!/usr/bin/env node
// Runs every *.test.ts under apps/ and packages/ (or the paths given) with node:test through tsx.
// Node 20 has no glob support in `node --test`, so the files are collected here.
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const roots = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith("--"));

function collect(path, out) {
  const stat = statSync(path);
  if (stat.isFile()) {
    if (/\.test\.tsx?$/.test(path)) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    collect(join(path, entry), out);
  }
  return out;
}

// The longest files start first (browser tests, then the CLI's real processes), so two workers do not end
// with one long file running alone; the rest alphabetically.
const weight = (file) => (file.endsWith(".browser.test.ts") ? 0 : file.includes("/cli/") ? 1 : 2);
const files = (roots.length ? roots : ["packages", "apps"])
  .flatMap((r) => collect(join(root, r), []))
  .map((f) => relative(root, f))
  .sort((a, b) => weight(a) - weight(b) || (a < b ? -1 : a > b ? 1 : 0));
if (files.length === 0) {
  console.error("No test files found.");
  process.exit(1);
}
// Build the workspace once, before test files run in parallel processes that would otherwise race to
// build it into the same directory.
const build = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--eval",
    'const { ensureWebBuild } = await import("./apps/server/src/features/workspace/web-build.ts"); await ensureWebBuild({ print: console.log });',
  ],
  { stdio: "inherit", cwd: root },
);
if (build.status !== 0) {
  console.error("Building the workspace (apps/web) failed.");
  process.exit(1);
}

const concurrency = process.env.TEST_CONCURRENCY ?? "2";
const child = spawn(
  process.execPath,
  ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, ...passThrough, ...files],
  { stdio: "inherit", cwd: root },
);
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
