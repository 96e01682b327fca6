import { z } from "zod";
import { invalidInput } from "../../platform/errors";
import { malformedBody } from "../channel-errors";

const messageSchema = z.looseObject({
  from: z.string().regex(/^\d{6,20}$/),
  id: z.string().min(1).max(200),
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string().min(1).max(40),
  text: z.object({ body: z.string().max(100_000) }).optional(),
});

const statusSchema = z.looseObject({
  id: z.string().min(1).max(200),
  status: z.string().min(1).max(40),
  errors: z.array(z.looseObject({ code: z.number().optional(), title: z.string().optional() })).optional(),
});

const valueSchema = z.looseObject({
  metadata: z.object({ phone_number_id: z.string().min(1).max(100) }),
  contacts: z
    .array(
      z.looseObject({ wa_id: z.string().optional(), profile: z.object({ name: z.string() }).optional() }),
    )
    .optional(),
  messages: z.array(messageSchema).max(100).optional(),
  statuses: z.array(statusSchema).max(100).optional(),
});

const webhookSchema = z.object({
  entry: z
    .array(z.object({ changes: z.array(z.object({ field: z.string(), value: z.unknown() })).max(100) }))
    .max(100),
});

export type WhatsappMessage = z.infer<typeof messageSchema>;
export type WhatsappStatus = z.infer<typeof statusSchema>;
export type WhatsappChange = z.infer<typeof valueSchema> & { phoneNumberId: string };

/** The "messages" changes of a Cloud API webhook; other fields (account updates…) are not ours to handle. */
export function parseWhatsappWebhook(raw: string): WhatsappChange[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw malformedBody("body", "geen geldige JSON.");
  }
  const envelope = webhookSchema.safeParse(json);
  if (!envelope.success) throw problemsOf(envelope.error, []);
  const changes: WhatsappChange[] = [];
  envelope.data.entry.forEach((entry, e) => {
    entry.changes.forEach((change, i) => {
      if (change.field !== "messages") return;
      const value = valueSchema.safeParse(change.value);
      if (!value.success) throw problemsOf(value.error, ["entry", e, "changes", i, "value"]);
      changes.push({ ...value.data, phoneNumberId: value.data.metadata.phone_number_id });
    });
  });
  return changes;
}

function problemsOf(error: z.ZodError, prefix: Array<string | number>) {
  const params = error.issues.slice(0, 10).map((issue) => ({
    name: [...prefix, ...issue.path].join(".") || "body",
    code: issue.code,
    reason: issue.message,
  }));
  return invalidInput(
    params,
    `Het bericht is niet geldig: controleer ${params.map((p) => p.name).join(", ")}.`,
  );
}
