import { z } from "@hono/zod-openapi";
import { isKnownTopic } from "@omniloket/domain";
import { versionHeaders } from "../../platform/http/openapi";

/** A topic id from the shared topic list. */
export const topicIdSchema = z
  .string()
  .max(100)
  .refine((id) => isKnownTopic(id), "Dit onderwerp staat niet in de lijst met onderwerpen.");

/** A JSON answer with the version header, as every admin answer has. */
export const jsonAnswer = (description: string, schema: z.ZodType) => ({
  description,
  headers: versionHeaders,
  content: { "application/json": { schema } },
});

/** An answer without a body (204). */
export const noContent = (description: string) => ({ description, headers: versionHeaders });
