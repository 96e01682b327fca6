import { type Queryable, schema } from "@omniloket/db";
import { type Channel, isChannel, type ReplyChannel, type ReplyChannelFacts } from "@omniloket/domain";
import { and, desc, eq } from "drizzle-orm";

export type ReplyAddresses = Partial<Record<ReplyChannel, string>>;

const asChannel = (value: string | null | undefined): Channel | null =>
  value && isChannel(value) ? value : null;

/** What the reply rule needs to know about a question's resident, and where each channel would go. */
export async function loadReplyFacts(
  q: Queryable,
  question: {
    id: string;
    tenantId: string;
    residentPartyId: string | null;
    topicId: string | null;
    replyChannel: string | null;
  },
): Promise<{
  facts: ReplyChannelFacts;
  addresses: ReplyAddresses;
  lastWhatsappInboundAt: Date | null;
  language: string;
}> {
  const [last] = await q
    .select({ channel: schema.interactions.channel, language: schema.interactions.language })
    .from(schema.interactions)
    .where(and(eq(schema.interactions.questionId, question.id), eq(schema.interactions.direction, "inbound")))
    .orderBy(desc(schema.interactions.occurredAt))
    .limit(1);
  const [lastWhatsapp] = await q
    .select({ at: schema.interactions.occurredAt })
    .from(schema.interactions)
    .where(
      and(
        eq(schema.interactions.questionId, question.id),
        eq(schema.interactions.direction, "inbound"),
        eq(schema.interactions.channel, "whatsapp"),
      ),
    )
    .orderBy(desc(schema.interactions.occurredAt))
    .limit(1);

  const addresses: ReplyAddresses = {};
  let preferences:
    | { preferredChannel: string | null; noDigitalContact: boolean; language: string | null }
    | undefined;
  let topicPreference: Channel | null = null;
  if (question.residentPartyId) {
    const partyId = question.residentPartyId;
    const identifiers = await q
      .select({ kind: schema.partyIdentifiers.kind, value: schema.partyIdentifiers.value })
      .from(schema.partyIdentifiers)
      .where(eq(schema.partyIdentifiers.partyId, partyId))
      .orderBy(desc(schema.partyIdentifiers.createdAt));
    for (const identifier of identifiers) {
      if (identifier.kind === "email") addresses.email ??= identifier.value;
      if (identifier.kind === "whatsapp") addresses.whatsapp ??= identifier.value;
      if (identifier.kind === "phone") {
        addresses.phone ??= identifier.value;
        // Only mobile numbers take text messages (Dutch mobiles start with +316).
        if (identifier.value.startsWith("+316")) addresses.sms ??= identifier.value;
      }
    }
    const [party] = await q
      .select({ street: schema.parties.street, postcode: schema.parties.postcode })
      .from(schema.parties)
      .where(eq(schema.parties.id, partyId));
    if (party?.street && party.postcode) addresses.letter = party.postcode;
    [preferences] = await q
      .select({
        preferredChannel: schema.preferences.preferredChannel,
        noDigitalContact: schema.preferences.noDigitalContact,
        language: schema.preferences.language,
      })
      .from(schema.preferences)
      .where(eq(schema.preferences.partyId, partyId));
    if (question.topicId) {
      const [topic] = await q
        .select({ channel: schema.topicChannelPreferences.channel })
        .from(schema.topicChannelPreferences)
        .where(
          and(
            eq(schema.topicChannelPreferences.partyId, partyId),
            eq(schema.topicChannelPreferences.topicId, question.topicId),
          ),
        );
      topicPreference = asChannel(topic?.channel);
    }
  }
  return {
    facts: {
      questionChoice: asChannel(question.replyChannel),
      topicPreference,
      generalPreference: asChannel(preferences?.preferredChannel),
      lastUsed: asChannel(last?.channel),
      noDigitalContact: preferences?.noDigitalContact ?? false,
      reachable: Object.keys(addresses) as ReplyChannel[],
    },
    addresses,
    lastWhatsappInboundAt: lastWhatsapp?.at ?? null,
    /** The resident's language: their preference, else the language they last wrote in. */
    language: preferences?.language ?? last?.language ?? "nld",
  };
}
