import { z } from "@hono/zod-openapi";

export const channelSchema = z
  .enum(["phone", "email", "webform", "chat", "sms", "whatsapp", "counter", "letter", "api", "portal"])
  .openapi("Channel", { description: "The channel a contact came in on or went out through." });
export type ChannelName = z.infer<typeof channelSchema>;

export const identifierKindSchema = z
  .enum(["bsn", "rsin", "kvk", "email", "phone", "whatsapp"])
  .openapi("IdentifierKind");

export const uuidSchema = z.uuid();

/** ADR: accept any offset in requests; responses use UTC. */
export const dateTimeSchema = z.iso.datetime({ offset: true });

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: "https://omniloket.nl/problems/validation" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().optional(),
    invalidParams: z.array(z.object({ name: z.string(), code: z.string(), reason: z.string() })).optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem details" });
export type Problem = z.infer<typeof problemSchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
