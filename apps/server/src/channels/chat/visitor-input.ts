import type { Context } from "hono";
import { z } from "zod";
import { AppError, invalidInput } from "../../platform/errors";

export const startSchema = z.object({
  topicId: z.string().max(60).optional(),
  language: z.enum(["nl", "en"]).default("nl"),
});
export const messageSchema = z.object({ text: z.string().max(20_000) });
export const identifySchema = z.object({ email: z.string().max(320) });
export const verifySchema = z.object({ code: z.string().max(20) });
export const continueSchema = z.object({ questionId: z.uuid() });
export const transcriptSchema = z.object({ email: z.string().max(320).optional() });
export const leaveMessageSchema = z.object({ text: z.string().max(20_000), email: z.string().max(320) });
export const callbackSchema = z.object({
  phone: z.string().max(40),
  slotStart: z.iso.datetime({ offset: true }),
});

/** A visitor's JSON body checked against its schema; a 400 problem names the fields (in Dutch). */
export async function visitorBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  if (!/^application\/json\b/i.test(c.req.header("content-type") ?? ""))
    throw new AppError(
      "unsupported-media-type",
      "unsupported-media-type",
      "Stuur de gegevens als application/json.",
    );
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw invalidInput(
      [{ name: "body", code: "invalid-json", reason: "Geen geldige JSON." }],
      "Het bericht kon niet worden gelezen.",
    );
  }
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const params = parsed.error.issues.map((issue) => ({
    name: issue.path.join(".") || "body",
    code: issue.code,
    reason: issue.message,
  }));
  throw invalidInput(params, `De invoer is niet geldig: controleer ${params.map((p) => p.name).join(", ")}.`);
}

/** The chat token from `Authorization: Bearer …`, never from the URL. */
export function bearerOf(c: Context): string | null {
  const header = c.req.header("authorization") ?? "";
  return header.startsWith("Bearer ") ? header.slice(7).trim() || null : null;
}

export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}
