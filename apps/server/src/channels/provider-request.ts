import { SendError } from "../features/delivery";

const timeoutMs = 15_000;

/**
 * One call to a provider's send API. Network trouble, 5xx and 429 are worth a retry; any other 4xx
 * means the provider refused this message and a retry would be refused too.
 */
export async function postToProvider(
  provider: string,
  url: string,
  init: { headers: Record<string, string>; body: string },
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SendError(`${provider} is niet bereikbaar: ${(error as Error).message}`, true);
  }
  const text = await response.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (response.ok) return body;
  const retryable = response.status >= 500 || response.status === 429;
  throw new SendError(`${provider} antwoordde ${response.status}: ${providerReason(body)}`, retryable);
}

function providerReason(body: unknown): string {
  const b = body as {
    message?: unknown;
    code?: unknown;
    error?: { message?: unknown; code?: unknown };
  } | null;
  const message = b?.error?.message ?? b?.message;
  const code = b?.error?.code ?? b?.code;
  return [code, message].filter((x) => x !== undefined && x !== null).join(" ") || "geen toelichting";
}
