// (f) chat: the web chat widget as a municipality's site downloads it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWidget, WIDGET_DIR } from "../apps/server/src/channels/chat/widget-asset";

export type WidgetSize = { minifiedBytes: number; gzippedBytes: number };

/** Builds apps/widget as the server serves it (one minified file) and gzips it as a server would. */
export async function measureWidgetSize(): Promise<WidgetSize> {
  await buildWidget();
  const script = readFileSync(join(WIDGET_DIR, "dist", "widget.js"));
  return { minifiedBytes: script.length, gzippedBytes: gzipSync(script, { level: 9 }).length };
}
