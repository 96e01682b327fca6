import * as oidc from "openid-client";
import type { OidcConfig } from "../platform/config";

/** What the browser keeps between leaving for the provider and coming back (in a signed cookie). */
export type OidcChecks = { state: string; nonce: string; verifier: string };

/** Why a login with the provider did not succeed; each gets its own Dutch page. */
export type OidcFailure = "cancelled" | "unavailable" | "refused";

export class OidcLoginError extends Error {
  constructor(
    readonly failure: OidcFailure,
    /** A code for the log (the library's error code or name); never a claim, a token or a BSN. */
    readonly logCode: string,
  ) {
    super(`OpenID Connect login failed: ${failure} (${logCode})`);
    this.name = "OidcLoginError";
  }
}

export type OidcRelyingParty = {
  issuer: string;
  /** Where to send the browser, and the checks to keep until it returns. */
  start(redirectUri: string): Promise<{ url: string; checks: OidcChecks }>;
  /** The provider's answer at our redirect URL: the validated ID token's claims, or OidcLoginError. */
  finish(callbackUrl: URL, checks: OidcChecks): Promise<Record<string, unknown>>;
};

const loopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

/**
 * The portal as an OpenID Connect relying party (openid-client): authorization code flow with PKCE
 * (S256), state and nonce; the library checks the ID token (signature, issuer, audience, expiry, nonce).
 * The provider's metadata is fetched on first use and kept; after a failure it is fetched again.
 * Plain http is allowed only for an issuer on this machine (the tests' provider).
 */
export function createOidcRelyingParty(config: OidcConfig): OidcRelyingParty {
  const issuer = new URL(config.issuer);
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        issuer,
        config.clientId,
        config.clientSecret ?? undefined,
        config.clientSecret ? oidc.ClientSecretBasic(config.clientSecret) : oidc.None(),
        {
          timeout: 10,
          execute: issuer.protocol === "http:" && loopback(issuer) ? [oidc.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw new OidcLoginError("unavailable", errorCode(error));
      });
    return discovered;
  };

  return {
    issuer: config.issuer,
    async start(redirectUri) {
      const server = await configuration();
      const checks = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(server, {
        redirect_uri: redirectUri,
        scope: "openid",
        response_type: "code",
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: "S256",
        state: checks.state,
        nonce: checks.nonce,
      });
      return { url: url.href, checks };
    },
    async finish(callbackUrl, checks) {
      const server = await configuration();
      try {
        const tokens = await oidc.authorizationCodeGrant(server, callbackUrl, {
          pkceCodeVerifier: checks.verifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new OidcLoginError("refused", "no-id-token");
        return claims as Record<string, unknown>;
      } catch (error) {
        if (error instanceof OidcLoginError) throw error;
        if (error instanceof oidc.AuthorizationResponseError)
          throw new OidcLoginError(error.error === "access_denied" ? "cancelled" : "refused", error.error);
        if (error instanceof oidc.ResponseBodyError)
          throw new OidcLoginError(error.status >= 500 ? "unavailable" : "refused", error.error);
        // fetch() itself failed: the provider cannot be reached.
        if (error instanceof TypeError || isTimeout(error))
          throw new OidcLoginError("unavailable", errorCode(error));
        throw new OidcLoginError("refused", errorCode(error));
      }
    },
  };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string")
    return error.code;
  return error instanceof Error ? error.name : "unknown";
}
