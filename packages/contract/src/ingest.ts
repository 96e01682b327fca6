import { z } from "@hono/zod-openapi";
import { channelSchema, dateTimeSchema, identifierKindSchema, uuidSchema } from "./common";

export const identifierInputSchema = z
  .object({
    kind: identifierKindSchema,
    value: z.string().min(1).max(320),
  })
  .openapi("IdentifierInput");

export const personNameSchema = z.object({
  givenName: z.string().max(200).optional(),
  familyNamePrefix: z.string().max(10).optional(),
  familyName: z.string().max(200).optional(),
});

export const postalAddressSchema = z.object({
  street: z.string().max(200).optional(),
  houseNumber: z.string().max(20).optional(),
  postcode: z.string().max(7).optional(),
  city: z.string().max(80).optional(),
});

export const partyInputSchema = z
  .object({
    kind: z.enum(["person", "organisation"]).default("person"),
    identifiers: z.array(identifierInputSchema).max(10).default([]),
    name: personNameSchema.optional(),
    organisationName: z.string().max(200).optional(),
    address: postalAddressSchema.optional(),
  })
  .openapi("PartyInput", {
    description:
      "Who the contact is with, as the channel knows them. Channel addresses identify address-based parties.",
  });

export const subjectLinkInputSchema = z
  .object({
    objectType: z.string().min(1).max(200).openapi({ example: "zaak" }),
    objectId: z.string().min(1).max(200),
    register: z.string().min(1).max(200).openapi({ example: "openzaak" }),
    objectIdKind: z.string().min(1).max(200).openapi({ example: "uuid" }),
  })
  .openapi("SubjectLinkInput");

export const attachmentInputSchema = z
  .object({
    fileName: z.string().min(1).max(255),
    contentType: z
      .string()
      .min(3)
      .max(200)
      .regex(/^[\w.+-]+\/[\w.+-]+$/),
    contentBase64: z
      .base64()
      .openapi({ description: "The file's bytes, base64-encoded. The request body limit applies." }),
  })
  .openapi("AttachmentInput");

export const ingestInteractionSchema = z
  .object({
    channel: channelSchema,
    externalId: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: "The channel's own id of this contact; a repeat returns the first result." }),
    occurredAt: dateTimeSchema
      .optional()
      .openapi({ description: "When it happened; defaults to now. A past time is fine for imports." }),
    direction: z.enum(["inbound", "outbound"]).default("inbound"),
    subject: z.string().max(300).optional(),
    text: z.string().max(100_000).default(""),
    language: z.string().min(2).max(3).default("nld"),
    topicId: z
      .string()
      .max(60)
      .optional()
      .openapi({ description: "Topic id when the channel knows it (a form, an IVR choice)." }),
    questionId: uuidSchema
      .optional()
      .openapi({ description: "Thread into this question (staff or channel decision)." }),
    threadKey: z
      .string()
      .max(500)
      .optional()
      .openapi({ description: "A key to thread later contacts on, e.g. an email Message-ID." }),
    inReplyTo: z
      .array(z.string().max(500))
      .max(50)
      .default([])
      .openapi({ description: "Thread keys this contact answers." }),
    sender: partyInputSchema,
    actingFor: partyInputSchema
      .extend({
        relation: z.enum(["parent", "guardian", "informal-carer", "company-contact", "other"]),
      })
      .optional()
      .openapi({
        description: "The resident the sender acts for; the contact lands in that resident's timeline.",
      }),
    subjectLinks: z.array(subjectLinkInputSchema).max(20).default([]),
    attachments: z.array(attachmentInputSchema).max(20).default([]),
    confidential: z.boolean().default(false),
  })
  .openapi("IngestInteraction");
export type IngestInteractionInput = z.input<typeof ingestInteractionSchema>;
export type IngestInteraction = z.output<typeof ingestInteractionSchema>;

export const ingestResultSchema = z
  .object({
    interactionId: uuidSchema,
    questionId: uuidSchema,
    questionReference: z.string(),
    partyId: uuidSchema.nullable(),
    threading: z.enum(["explicit", "reference", "thread-key", "new"]),
    suggestionCount: z.number().int(),
    repeated: z
      .boolean()
      .openapi({ description: "True when this contact was delivered before; nothing new was written." }),
  })
  .openapi("IngestResult");
export type IngestResult = z.infer<typeof ingestResultSchema>;
