import { z } from "@hono/zod-openapi";
import { identifierKindSchema } from "@omniloket/contract";

const dateTime = z.string().openapi({ format: "date-time" });

const representationSchema = z.object({
  representationId: z.uuid(),
  partyId: z.uuid(),
  displayName: z.string().nullable(),
  basis: z.enum(["parent", "guardian", "informal-carer", "company-contact", "other"]),
  validFrom: dateTime,
  validUntil: dateTime.nullable(),
  current: z.boolean(),
});

/** GET /residents/{partyId}: what the question view's resident panel shows. */
export const residentProfileSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["person", "organisation"]),
    identityLevel: z.enum(["address-based", "verified"]),
    displayName: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    birthDate: z.string().openapi({ format: "date" }).nullable(),
    secret: z.boolean().openapi({ description: "BRP indicatie geheimhouding" }),
    mergedIntoId: z.uuid().nullable(),
    identifiers: z.array(
      z.object({
        id: z.uuid(),
        kind: identifierKindSchema,
        value: z
          .string()
          .openapi({ description: "A BSN shows only its last three digits, except to privacy officers" }),
        masked: z.boolean(),
        verified: z.boolean(),
        verification: z.enum(["asserted-by-channel", "login", "code", "counter-id-check", "staff", "import"]),
        verifiedAt: dateTime.nullable(),
        verifiedBy: z.string().nullable(),
        since: dateTime,
      }),
    ),
    digitalAddresses: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(["email", "phone", "whatsapp", "other"]),
        address: z.string(),
        isDefault: z.boolean(),
        description: z.string().nullable(),
        verifiedAt: dateTime.nullable(),
      }),
    ),
    representedBy: z.array(representationSchema),
    represents: z.array(representationSchema),
    preferences: z
      .object({
        preferredChannel: z.string().nullable(),
        language: z.string().nullable(),
        needs: z.array(z.string()),
        noDigitalContact: z.boolean(),
      })
      .nullable(),
    topicChannelPreferences: z.array(z.object({ topicId: z.string(), channel: z.string() })),
    consents: z.array(
      z.object({ purpose: z.string(), granted: z.boolean(), recordedAt: dateTime, source: z.string() }),
    ),
    openQuestions: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        topicId: z.string().nullable(),
        status: z.string(),
        dueAt: dateTime.nullable(),
      }),
    ),
    hiddenQuestionCount: z.number().int().openapi({ description: "Open questions you may not see" }),
    openTasks: z.array(
      z.object({
        id: z.uuid(),
        questionId: z.uuid(),
        questionReference: z.string(),
        kind: z.enum(["callback", "back-office"]),
        description: z.string(),
        dueAt: dateTime.nullable(),
        overdue: z.boolean(),
      }),
    ),
    merges: z.array(
      z.object({
        mergeId: z.uuid(),
        kind: z.enum(["merge", "join-verified"]),
        role: z.enum(["absorbed", "merged-into"]),
        otherPartyId: z.uuid(),
        otherDisplayName: z.string().nullable(),
        reason: z.string(),
        mergedAt: dateTime,
      }),
    ),
  })
  .openapi("ResidentProfile");
