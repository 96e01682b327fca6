import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/** apps/widget, seen from this file (apps/server/src/channels/chat). */
export const WIDGET_DIR = new URL("../../../../widget/", import.meta.url).pathname;
const DIST_FILE = join(WIDGET_DIR, "dist", "widget.js");
const STAMP_FILE = join(WIDGET_DIR, "dist", ".omniloket-build-stamp");

function sourceHash(): string | null {
  const src = join(WIDGET_DIR, "src");
  if (!existsSync(src)) return null;
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!path.endsWith(".test.ts"))
        hash.update(entry).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  walk(src);
  const pkg = join(WIDGET_DIR, "package.json");
  if (existsSync(pkg)) hash.update(readFileSync(pkg));
  return hash.digest("hex");
}

/** Builds apps/widget/dist/widget.js with esbuild (one minified file), as apps/widget's build script does. */
export async function buildWidget(): Promise<void> {
  const require = createRequire(join(WIDGET_DIR, "package.json"));
  const esbuild = (await import(require.resolve("esbuild"))) as typeof import("esbuild");
  mkdirSync(join(WIDGET_DIR, "dist"), { recursive: true });
  const tmp = `${DIST_FILE}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [join(WIDGET_DIR, "src", "widget.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    outfile: tmp,
    legalComments: "none",
    logLevel: "silent",
  });
  renameSync(tmp, DIST_FILE);
}

let cached: { body: string; etag: string } | null = null;
let building: Promise<void> | null = null;

/** The widget script: built from its sources when they changed, else the built file. */
export async function widgetScript(): Promise<{ body: string; etag: string }> {
  if (cached) return cached;
  const hash = sourceHash();
  const stamp = existsSync(STAMP_FILE) ? readFileSync(STAMP_FILE, "utf8").trim() : null;
  if (hash !== null && (hash !== stamp || !existsSync(DIST_FILE))) {
    building ??= buildWidget()
      .then(() => writeFileSync(STAMP_FILE, `${hash}\n`))
      .finally(() => {
        building = null;
      });
    await building;
  }
  const body = readFileSync(DIST_FILE, "utf8");
  cached = { body, etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"` };
  return cached;
}
