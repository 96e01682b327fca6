import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isKnownTopic } from "@omniloket/domain";
import { z } from "zod";

const text = z.object({ nl: z.string().min(1), en: z.string().min(1) });

const fieldSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    label: text,
    hint: text.optional(),
    type: z.enum(["text", "textarea", "email", "tel", "select", "checkbox", "file"]),
    required: z.boolean().default(false),
    maxLength: z.number().int().positive().max(10_000).optional(),
    options: z.array(z.object({ value: z.string().min(1).max(60), label: text })).optional(),
    /** What the field tells us about the resident, so ingest can identify them. */
    role: z.enum(["givenName", "familyName", "fullName"]).optional(),
  })
  .refine((f) => (f.type === "select") === (f.options !== undefined && f.options.length > 0), {
    message: "a select needs options, and only a select has them",
  });

const formSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,79}$/),
    title: text,
    intro: text,
    /** Topic id from the topic list; absent: unknown until classification. */
    topicId: z
      .string()
      .refine((id) => isKnownTopic(id), "unknown topic")
      .optional(),
    fields: z.array(fieldSchema).min(1).max(40),
    attachments: z
      .object({
        allowed: z.boolean(),
        maxFiles: z.number().int().min(1).max(10),
        maxBytes: z.number().int().positive(),
      })
      .default({ allowed: false, maxFiles: 1, maxBytes: 1 }),
  })
  .superRefine((form, ctx) => {
    const ids = form.fields.map((f) => f.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", message: "field ids must be unique" });
    if (form.fields.some((f) => f.type === "file") !== form.attachments.allowed)
      ctx.addIssue({
        code: "custom",
        message: "a file field needs attachments.allowed, and the other way round",
      });
  });

export type FormField = z.output<typeof fieldSchema>;
export type FormDefinition = z.output<typeof formSchema>;
export type Lang = "nl" | "en";

/** The forms that ship with Omniloket; a municipality's own directory can be loaded the same way. */
export const DEFAULT_FORMS_DIR = join(import.meta.dirname, "forms");

/** Reads and checks every `*.json` in a directory; a bad definition stops the start with its file name. */
export function loadForms(dir: string = DEFAULT_FORMS_DIR): Map<string, FormDefinition> {
  const forms = new Map<string, FormDefinition>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const parsed = formSchema.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
    if (!parsed.success)
      throw new Error(`Formulier ${file} is niet geldig: ${z.prettifyError(parsed.error)}`);
    if (forms.has(parsed.data.id))
      throw new Error(`Formulier ${parsed.data.id} staat er twee keer in (${file}).`);
    forms.set(parsed.data.id, parsed.data);
  }
  return forms;
}

/** Every text has a limit, also when the definition names none. */
export function maxLengthOf(field: FormField): number {
  return field.maxLength ?? (field.type === "textarea" ? 10_000 : 500);
}
