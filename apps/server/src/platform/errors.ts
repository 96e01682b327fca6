/** What kind of failure an error is; mapped to HTTP in one place (problem.ts). */
export type ErrorCategory =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "payload-too-large"
  | "unsupported-media-type"
  | "rate-limited"
  | "internal";

export type InvalidParam = { name: string; code: string; reason: string };

/**
 * A typed error from a use case. `detail` is Dutch, plain language, safe to show; it never holds
 * personal data. Use cases know nothing of HTTP.
 */
export class AppError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly category: ErrorCategory,
    readonly detail: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(`${code}: ${detail}`);
    this.name = "AppError";
  }
}

export const notFound = (what: string) =>
  new AppError("not-found", "not-found", `${what} is niet gevonden, of u heeft er geen toegang toe.`);

export const invalidInput = (params: InvalidParam[], detail = "De invoer is niet geldig.") =>
  new AppError("invalid-input", "validation", detail, params);

export const forbidden = (detail = "U heeft geen toegang tot deze functie.") =>
  new AppError("forbidden", "forbidden", detail);

export function assertUnreachable(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
