import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, type ErrorCategory, type InvalidParam } from "./errors";

const statusOf = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  "rate-limited": 429,
  internal: 500,
} as const satisfies Record<ErrorCategory, number>;

const titles = {
  validation: { nl: "De invoer is niet geldig", en: "Invalid input" },
  unauthenticated: { nl: "U bent niet ingelogd", en: "Not authenticated" },
  forbidden: { nl: "Geen toegang", en: "Forbidden" },
  "not-found": { nl: "Niet gevonden", en: "Not found" },
  conflict: { nl: "Conflict", en: "Conflict" },
  "payload-too-large": { nl: "Het bericht is te groot", en: "Payload too large" },
  "unsupported-media-type": { nl: "Verkeerd inhoudstype", en: "Unsupported media type" },
  "rate-limited": { nl: "Te veel verzoeken", en: "Too many requests" },
  internal: { nl: "Er ging iets mis bij ons", en: "Internal error" },
} as const satisfies Record<ErrorCategory, { nl: string; en: string }>;

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  invalidParams?: InvalidParam[];
};

export function problemBody(error: AppError, language: "nl" | "en" = "nl"): ProblemBody {
  const body: ProblemBody = {
    type: `https://omniloket.nl/problems/${error.code}`,
    title: titles[error.category][language],
    status: statusOf[error.category],
    detail: error.detail,
    instance: `urn:uuid:${randomUUID()}`,
    code: error.code,
  };
  if (error.invalidParams.length > 0) body.invalidParams = error.invalidParams;
  return body;
}

function languageOf(c: Context): "nl" | "en" {
  return (c.req.header("accept-language") ?? "").toLowerCase().startsWith("en") ? "en" : "nl";
}

export function problemResponse(c: Context, error: AppError): Response {
  const body = problemBody(error, languageOf(c));
  return c.body(JSON.stringify(body), body.status as 400, { "content-type": "application/problem+json" });
}

/** Turns anything thrown into RFC 9457 problem+json; unknown errors are logged, never shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    const category: ErrorCategory =
      error.status === 413
        ? "payload-too-large"
        : error.status === 401
          ? "unauthenticated"
          : error.status === 404
            ? "not-found"
            : error.status === 415
              ? "unsupported-media-type"
              : error.status < 500
                ? "validation"
                : "internal";
    return new AppError(`http-${error.status}`, category, titles[category].nl);
  }
  return new AppError(
    "internal",
    "internal",
    "Probeer het later opnieuw. Blijft het misgaan, neem dan contact op met de beheerder.",
  );
}
