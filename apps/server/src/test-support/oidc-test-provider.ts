import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type OidcTestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Plays the resident at the provider: follows the authorization URL through the provider's own login
   * and consent pages (its development interactions; the account id typed at login becomes `sub`) and
   * returns the URL the provider sends the browser back to (our redirect URL with code and state).
   */
  logInAs(authorizationUrl: string, sub: string): Promise<URL>;
  /** As logInAs, but the resident presses cancel at the provider. */
  cancel(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
};

/**
 * A real OpenID Connect provider (panva's oidc-provider) on 127.0.0.1 and a random port, with one
 * confidential client for the given redirect URIs. It signs ID tokens with its development keys. The
 * provider is built at its first request, so a test may still add to `redirectUris` after the start
 * (an app served on a port it only learns later).
 */
export async function startOidcTestProvider(redirectUris: string[]): Promise<OidcTestProvider> {
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    handle ??= build();
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "omniloket-test";
  const clientSecret = "test-geheim-dat-lang-genoeg-is-voor-hs256-0123456789";
  const build = () => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: redirectUris,
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_basic",
        },
      ],
      pkce: { required: () => true },
      cookies: { keys: ["test-cookie-key"] },
      ttl: {
        AuthorizationCode: 60,
        AccessToken: 600,
        IdToken: 600,
        Interaction: 600,
        Session: 600,
        Grant: 600,
      },
      findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    });
    // Quiet: a refused request is what some tests are about.
    provider.on("server_error", () => {});
    return provider.callback();
  };

  /** The browser at the provider: its own cookie jar, redirects followed by hand. */
  async function walk(
    start: string,
    act: (prompt: string) => Record<string, string> | "abort",
  ): Promise<URL> {
    const jar = new Map<string, string>();
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const remember = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ""] = line.split(";");
        const eq = pair.indexOf("=");
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      return response;
    };
    let url = new URL(start);
    let form: Record<string, string> | null = null;
    for (let step = 0; step < 20; step++) {
      if (url.origin !== issuer) return url;
      const response = remember(
        await fetch(url, {
          method: form ? "POST" : "GET",
          redirect: "manual",
          headers: {
            cookie: cookie(),
            ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          },
          body: form ? new URLSearchParams(form).toString() : undefined,
        }),
      );
      form = null;
      const location = response.headers.get("location");
      if (location) {
        url = new URL(location, url);
        continue;
      }
      const html = await response.text();
      assert.equal(response.status, 200, html);
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? "";
      const action = act(prompt);
      if (action === "abort") url = new URL(`${url.pathname}/abort`, url);
      else form = { prompt, ...action };
    }
    throw new Error("the provider kept redirecting");
  }

  return {
    issuer,
    clientId,
    clientSecret,
    logInAs: (authorizationUrl, sub) =>
      walk(
        authorizationUrl,
        (prompt): Record<string, string> => (prompt === "login" ? { login: sub, password: "x" } : {}),
      ),
    cancel: (authorizationUrl) => walk(authorizationUrl, () => "abort"),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
