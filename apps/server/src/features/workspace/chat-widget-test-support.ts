// The web chat widget in the browser tests: a municipality's own site with the one script tag, and
// reading focus and fields inside the widget's shadow root.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";

/** The municipality's own site, on another origin than Omniloket, with the one script tag. */
export function siteServer(
  widgetSrc: () => string,
  gemeente = "chatstad",
): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente Chatstad</title>
<style>:root { --omniloket-chat-primary: #0b5d1e; }</style></head>
<body><header><p>Gemeente Chatstad</p></header><main><h1>Welkom bij Gemeente Chatstad</h1>
<p>Heeft u een vraag? Chat met ons.</p></main>
<script src="${widgetSrc()}" data-gemeente="${gemeente}" async></script></body></html>`);
  });
  return new Promise((resolve) =>
    server.listen(0, "localhost", () =>
      resolve({ server, origin: `http://localhost:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** The text of the focused control inside the widget's shadow root. */
export const focusedInWidget = (page: Page) =>
  page.evaluate(
    `(() => { const a = document.activeElement?.shadowRoot?.activeElement; return a ? (a.getAttribute("aria-label") ?? a.id ?? "") + "|" + (a.textContent ?? "").trim() : ""; })()`,
  ) as Promise<string>;

/** An attribute of the element with this id inside the widget's shadow root. */
export const widgetAttribute = (page: Page, id: string, name: string) =>
  page.evaluate(
    `document.getElementById("omniloket-chat").shadowRoot.getElementById(${JSON.stringify(id)})?.getAttribute(${JSON.stringify(name)}) ?? null`,
  ) as Promise<string | null>;

/** The value of the callback slot select inside the widget. */
export const widgetSelectValue = (page: Page) =>
  page.evaluate(
    `document.getElementById("omniloket-chat").shadowRoot.getElementById("cb-slot").value`,
  ) as Promise<string>;

export async function tabUntil(page: Page, wanted: RegExp, max = 30) {
  for (let i = 0; i < max; i++) {
    if (wanted.test(await focusedInWidget(page))) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${wanted}`);
}

/**
 * Runs a step of a widget test; when it fails, the error also says what the widget showed and where
 * focus was, so a failure seen once on a busy machine can be understood from the log alone.
 */
export async function explainingWidget<T>(page: Page, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const shown = await page
      .evaluate(
        `document.getElementById("omniloket-chat")?.shadowRoot?.querySelector("[role=dialog]")?.innerText ?? "(no widget)"`,
      )
      .catch(() => "(page gone)");
    const focus = await focusedInWidget(page).catch(() => "?");
    if (error instanceof Error)
      error.message += `\n--- the widget showed:\n${String(shown)}\n--- focus: ${focus}`;
    throw error;
  }
}
