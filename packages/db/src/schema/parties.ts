import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, tenantId } from "./columns";

/** Klantinteracties: Partij. A person or organisation known as a (potential) resident. */
export const parties = pgTable(
  "parties",
  {
    id: id(),
    tenantId: tenantId(),
    kind: text("kind").$type<"person" | "organisation">().notNull(),
    /** address-based: built from a channel address; verified: proven by login, code or ID check. */
    identityLevel: text("identity_level").$type<"address-based" | "verified">().notNull(),
    displayName: text("display_name"),
    givenName: text("given_name"),
    familyNamePrefix: text("family_name_prefix"),
    familyName: text("family_name"),
    organisationName: text("organisation_name"),
    birthDate: date("birth_date"),
    street: text("street"),
    houseNumber: text("house_number"),
    postcode: text("postcode"),
    city: text("city"),
    /** BRP indicatie geheimhouding. */
    secret: boolean("secret").notNull().default(false),
    /** Set while this party is merged into another (reversible, see party_merges). */
    mergedIntoId: uuid("merged_into_id"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("parties_tenant_postcode_idx").on(t.tenantId, t.postcode),
    index("parties_tenant_family_name_idx").on(t.tenantId, sql`lower(${t.familyName})`),
  ],
);

export type IdentifierKind = "bsn" | "rsin" | "kvk" | "email" | "phone" | "whatsapp";
export type Verification = "asserted-by-channel" | "login" | "code" | "counter-id-check" | "staff" | "import";

/** Klantinteracties: PartijIdentificator (and the channel addresses we recognise residents by). */
export const partyIdentifiers = pgTable(
  "party_identifiers",
  {
    id: id(),
    tenantId: tenantId(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    kind: text("kind").$type<IdentifierKind>().notNull(),
    /** Normalised: BSN 9 digits, phone and WhatsApp in E.164, email with lower-case ASCII domain. */
    value: text("value").notNull(),
    verification: text("verification").$type<Verification>().notNull(),
    verifiedAt: at("verified_at"),
    verifiedByEmployeeId: uuid("verified_by_employee_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("party_identifiers_tenant_kind_value_uq").on(t.tenantId, t.kind, t.value),
    index("party_identifiers_party_idx").on(t.partyId),
  ],
);

/** Klantinteracties: DigitaalAdres. Where a party can be reached, possibly given for one contact. */
export const digitalAddresses = pgTable(
  "digital_addresses",
  {
    id: id(),
    tenantId: tenantId(),
    partyId: uuid("party_id"),
    interactionId: uuid("interaction_id"),
    kind: text("kind").$type<"email" | "phone" | "whatsapp" | "other">().notNull(),
    address: text("address").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    description: text("description"),
    verifiedAt: at("verified_at"),
    createdAt: createdAt(),
  },
  (t) => [index("digital_addresses_party_idx").on(t.partyId)],
);

/** A party acting for another (Klantinteracties: Vertegenwoordigden). */
export const representations = pgTable(
  "representations",
  {
    id: id(),
    tenantId: tenantId(),
    representativePartyId: uuid("representative_party_id").notNull(),
    representedPartyId: uuid("represented_party_id").notNull(),
    kind: text("kind")
      .$type<"parent" | "guardian" | "informal-carer" | "company-contact" | "other">()
      .notNull(),
    validFrom: at("valid_from").notNull().defaultNow(),
    validUntil: at("valid_until"),
    createdAt: createdAt(),
  },
  (t) => [
    index("representations_representative_idx").on(t.representativePartyId),
    index("representations_represented_idx").on(t.representedPartyId),
  ],
);

export const preferences = pgTable("preferences", {
  partyId: uuid("party_id").primaryKey(),
  tenantId: tenantId(),
  preferredChannel: text("preferred_channel"),
  language: text("language"),
  needs: text("needs").array().notNull().default(sql`'{}'::text[]`),
  noDigitalContact: boolean("no_digital_contact").notNull().default(false),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const topicChannelPreferences = pgTable(
  "topic_channel_preferences",
  {
    tenantId: tenantId(),
    partyId: uuid("party_id").notNull(),
    topicId: text("topic_id").notNull(),
    channel: text("channel").notNull(),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.topicId] })],
);

/** Consent per purpose; a new row per change so the history stays. */
export const consents = pgTable(
  "consents",
  {
    id: id(),
    tenantId: tenantId(),
    partyId: uuid("party_id").notNull(),
    purpose: text("purpose").notNull(),
    given: boolean("given").notNull(),
    recordedAt: at("recorded_at").notNull().defaultNow(),
    source: text("source").notNull(),
  },
  (t) => [index("consents_party_purpose_idx").on(t.partyId, t.purpose, t.recordedAt)],
);

/** A reversible merge: what moved where, so unmerge can put it back. */
export const partyMerges = pgTable(
  "party_merges",
  {
    id: id(),
    tenantId: tenantId(),
    kind: text("kind").$type<"merge" | "join-verified">().notNull(),
    survivingPartyId: uuid("surviving_party_id").notNull(),
    mergedPartyId: uuid("merged_party_id").notNull(),
    movedIdentifierIds: uuid("moved_identifier_ids").array().notNull().default(sql`'{}'::uuid[]`),
    movedQuestionIds: uuid("moved_question_ids").array().notNull().default(sql`'{}'::uuid[]`),
    movedInvolvementIds: uuid("moved_involvement_ids").array().notNull().default(sql`'{}'::uuid[]`),
    reason: text("reason").notNull(),
    byEmployeeId: uuid("by_employee_id"),
    createdAt: createdAt(),
    undoneAt: at("undone_at"),
  },
  (t) => [index("party_merges_merged_idx").on(t.mergedPartyId)],
);
