import type { z } from "@hono/zod-openapi";
import { problemSchema } from "@omniloket/contract";

export const versionHeaders = {
  "API-Version": {
    description: "The full version of this API",
    schema: { type: "string" as const, example: "0.1.0" },
  },
};

const problemDescriptions: Record<number, string> = {
  400: "Invalid input; invalidParams names each field",
  401: "Not authenticated",
  403: "Not allowed",
  404: "Not found, or not visible to you",
  409: "Conflict",
  413: "Body over the configured limit",
  415: "Wrong content type",
};

/** RFC 9457 problem+json responses for the given statuses (NL API Design Rules). */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: problemDescriptions[status] ?? "Problem",
        content: { "application/problem+json": { schema: problemSchema } },
      },
    ]),
  ) as Record<
    S,
    { description: string; content: { "application/problem+json": { schema: typeof problemSchema } } }
  >;
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}
