import { type Db, schema } from "@omniloket/db";
import { defaultTopics, REPLY_CHANNELS, type ReplyChannel } from "@omniloket/domain";
import { and, asc, eq } from "drizzle-orm";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";

/** What a resident may say they need; the codes employees see in the resident panel. */
export const NEEDS = ["larger-text", "plain-language", "interpreter", "phone-person"] as const;
export type Need = (typeof NEEDS)[number];
/** Languages to be answered in (ISO 639-3, as interactions store them). */
export const LANGUAGES = ["nld", "eng"] as const;

export type MyPreferences = {
  preferredChannel: ReplyChannel | null;
  language: string | null;
  needs: string[];
  noDigitalContact: boolean;
  topics: Array<{ topicId: string; channel: string }>;
};

const asReplyChannel = (value: string | null | undefined): ReplyChannel | null =>
  REPLY_CHANNELS.find((c) => c === value) ?? null;

/** A resident's stored preferences, general and per topic (no audit: the callers log their read). */
export async function readPreferences(db: Db, tenantId: string, partyId: string) {
  const [general] = await db
    .select()
    .from(schema.preferences)
    .where(and(eq(schema.preferences.partyId, partyId), eq(schema.preferences.tenantId, tenantId)));
  const topics = await db
    .select({
      topicId: schema.topicChannelPreferences.topicId,
      channel: schema.topicChannelPreferences.channel,
    })
    .from(schema.topicChannelPreferences)
    .where(
      and(
        eq(schema.topicChannelPreferences.partyId, partyId),
        eq(schema.topicChannelPreferences.tenantId, tenantId),
      ),
    )
    .orderBy(asc(schema.topicChannelPreferences.topicId));
  return {
    preferredChannel: general?.preferredChannel ?? null,
    language: general?.language ?? null,
    needs: general?.needs ?? [],
    noDigitalContact: general?.noDigitalContact ?? false,
    topics,
  };
}

/** The resident's own preferences (general and per topic); the read is audit-logged. */
export async function getMyPreferences(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
): Promise<MyPreferences> {
  const stored = await readPreferences(deps.db, resident.tenantId, resident.partyId);
  await recordPortalAudit(deps.db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: deps.clock(),
    action: "portal.preferences.read",
    partyIds: [resident.partyId],
    objectType: "party",
    objectIds: [resident.partyId],
  });
  return { ...stored, preferredChannel: asReplyChannel(stored.preferredChannel) };
}

export type PreferencesResult = { ok: true } | { ok: false; field: string };

/**
 * Saves the general preferences: preferred channel ("" for none), language, needs and "no digital
 * contact". The reply rule reads them on every suggestion, so they count at once.
 */
export async function saveMyPreferences(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { preferredChannel: string; language: string; needs: string[]; noDigitalContact: boolean },
): Promise<PreferencesResult> {
  const preferredChannel = input.preferredChannel === "" ? null : asReplyChannel(input.preferredChannel);
  if (input.preferredChannel !== "" && !preferredChannel) return { ok: false, field: "preferredChannel" };
  const language = input.language === "" ? null : (LANGUAGES.find((l) => l === input.language) ?? undefined);
  if (language === undefined) return { ok: false, field: "language" };
  if (input.needs.some((n) => !(NEEDS as readonly string[]).includes(n)))
    return { ok: false, field: "needs" };
  const needs = NEEDS.filter((n) => input.needs.includes(n));
  const now = deps.clock();
  const values = {
    preferredChannel,
    language,
    needs,
    noDigitalContact: input.noDigitalContact,
    updatedAt: now,
  };
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(schema.preferences)
      .values({ partyId: resident.partyId, tenantId: resident.tenantId, ...values })
      .onConflictDoUpdate({ target: schema.preferences.partyId, set: values });
    await recordPortalAudit(tx, {
      tenantId: resident.tenantId,
      actorPartyId: resident.partyId,
      at: now,
      action: "portal.preferences.update",
      partyIds: [resident.partyId],
      objectType: "party",
      objectIds: [resident.partyId],
      details: values,
    });
  });
  return { ok: true };
}

/** Sets (or with "" removes) the channel the resident prefers for one topic. */
export async function saveMyTopicPreference(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { topicId: string; channel: string },
): Promise<PreferencesResult> {
  if (!defaultTopics.topics.some((t) => t.id === input.topicId)) return { ok: false, field: "topicId" };
  const channel = input.channel === "" ? null : asReplyChannel(input.channel);
  if (input.channel !== "" && !channel) return { ok: false, field: "topicChannel" };
  const now = deps.clock();
  const t = schema.topicChannelPreferences;
  await deps.db.transaction(async (tx) => {
    if (channel)
      await tx
        .insert(t)
        .values({ tenantId: resident.tenantId, partyId: resident.partyId, topicId: input.topicId, channel })
        .onConflictDoUpdate({ target: [t.partyId, t.topicId], set: { channel } });
    else await tx.delete(t).where(and(eq(t.partyId, resident.partyId), eq(t.topicId, input.topicId)));
    await recordPortalAudit(tx, {
      tenantId: resident.tenantId,
      actorPartyId: resident.partyId,
      at: now,
      action: "portal.preferences.topic",
      partyIds: [resident.partyId],
      objectType: "party",
      objectIds: [resident.partyId],
      details: { topicId: input.topicId, channel },
    });
  });
  return { ok: true };
}
