import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

/** apps/web, seen from this file (apps/server/src/features/workspace). */
export const WEB_DIR = new URL("../../../../web/", import.meta.url).pathname;
export const WEB_DIST_DIR = join(WEB_DIR, "dist");
const STAMP_FILE = ".omniloket-build-stamp";
const CONFIG_FILES = ["index.html", "vite.config.ts", "package.json", "tsconfig.json"];

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else out.push(path);
  }
  return out;
}

/** A hash of the workspace's sources and build configuration; null when the sources are not here. */
export function webSourceHash(webDir = WEB_DIR): string | null {
  if (!existsSync(join(webDir, "src"))) return null;
  const hash = createHash("sha256");
  const files = [...filesUnder(join(webDir, "src")), ...CONFIG_FILES.map((f) => join(webDir, f))];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(relative(webDir, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function readStamp(webDir: string): string | null {
  const stamp = join(webDir, "dist", STAMP_FILE);
  return existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : null;
}

export function isWebBuildStale(webDir = WEB_DIR): boolean {
  const hash = webSourceHash(webDir);
  if (hash === null) return false; // an installation with only the built app: nothing to rebuild
  return hash !== readStamp(webDir) || !existsSync(join(webDir, "dist", "index.html"));
}

function viteBin(webDir: string): string {
  const require = createRequire(join(webDir, "package.json"));
  const packageJson = require.resolve("vite/package.json");
  const { bin } = JSON.parse(readFileSync(packageJson, "utf8")) as { bin: string | Record<string, string> };
  return join(packageJson, "..", typeof bin === "string" ? bin : (bin.vite ?? "bin/vite.js"));
}

let building: Promise<"built" | "fresh"> | null = null;

/**
 * Builds apps/web with Vite when its sources changed since the last build (a hash in dist), so
 * `omniloket start` stays fast. Several callers in one process share one build.
 */
export function ensureWebBuild(
  options: { webDir?: string; print?: (line: string) => void } = {},
): Promise<"built" | "fresh"> {
  const webDir = options.webDir ?? WEB_DIR;
  if (!isWebBuildStale(webDir)) return Promise.resolve("fresh");
  building ??= (async () => {
    options.print?.("De werkplek wordt opnieuw gebouwd, omdat de bronbestanden zijn gewijzigd…");
    const hash = webSourceHash(webDir);
    const output: Buffer[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [viteBin(webDir), "build", "--logLevel", "warn"], {
        cwd: webDir,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
      child.on("error", reject);
      child.on("exit", resolve);
    });
    if (code !== 0) throw new Error(`vite build failed (${code}):\n${Buffer.concat(output).toString()}`);
    if (hash) writeFileSync(join(webDir, "dist", STAMP_FILE), `${hash}\n`);
    return "built" as const;
  })().finally(() => {
    building = null;
  });
  return building;
}
