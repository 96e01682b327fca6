import type { Database } from "@omniloket/db";
import type { Browser } from "playwright-core";
import { launchChromium, serveApp } from "../features/workspace/browser-test-support";
import { testBackends } from "../test-support/backends";
import { type PortalWorld, portalWorld } from "./portal.test-helpers";

export type PortalBrowser = {
  database: Database & { drop(): Promise<void> };
  world: PortalWorld;
  server: Awaited<ReturnType<typeof serveApp>>;
  browser: Browser;
  /** The portal's base URL for this municipality on the served app. */
  base: string;
  close(): Promise<void>;
};

/**
 * What every portal browser test starts from: a municipality (portalWorld, or the test's own) on the
 * first test backend, its app served on loopback, and Debian chromium; `close` undoes it all.
 */
export async function openPortalBrowser(
  slug: string,
  makeWorld: (database: Database) => Promise<PortalWorld> = (database) => portalWorld(database, slug),
): Promise<PortalBrowser> {
  const [backend] = testBackends();
  if (!backend) throw new Error("no test backend");
  const database = await backend.open();
  const opened: Array<() => Promise<unknown>> = [() => database.drop()];
  const close = async () => {
    for (const undo of opened.reverse()) await undo();
  };
  try {
    const world = await makeWorld(database);
    opened.push(() => world.smtp.close());
    const server = await serveApp(world.app);
    opened.push(() => server.close());
    const browser = await launchChromium();
    opened.push(() => browser.close());
    return { database, world, server, browser, base: `${server.baseUrl}/mijn/${slug}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
