import { type Queryable, schema } from "@omniloket/db";
import { and, countDistinct, eq, exists, isNull, sql } from "drizzle-orm";
import { withoutProactiveConsent } from "../signals";
import type { ResidentGroupFacts } from "./fairness-groups";

/**
 * What the fairness report groups by, for every resident (a person, not merged away) with at least one
 * question: the postcode area, birth date, the language and channels of their own contacts, their
 * preferred channel, and how many signals were raised and accepted for them. Residents who get no
 * signals by their own choice (no consent for proactive contact) are left out and counted apart.
 * Nothing is invented: what is not stored stays null and is reported as "onbekend".
 */
export async function loadFairnessFacts(
  q: Queryable,
  tenantId: string,
): Promise<{ residents: ResidentGroupFacts[]; withoutConsent: number }> {
  const p = schema.parties;
  const qs = schema.questions;
  const people = await q
    .select({ id: p.id, postcode: p.postcode, birthDate: p.birthDate })
    .from(p)
    .where(
      and(
        eq(p.tenantId, tenantId),
        eq(p.kind, "person"),
        isNull(p.mergedIntoId),
        exists(
          q
            .select({ one: sql`1` })
            .from(qs)
            .where(and(eq(qs.tenantId, tenantId), eq(qs.residentPartyId, p.id))),
        ),
      ),
    );
  const excluded = await withoutProactiveConsent(
    q,
    tenantId,
    people.map((x) => x.id),
  );
  const prefs = await q
    .select({ partyId: schema.preferences.partyId, channel: schema.preferences.preferredChannel })
    .from(schema.preferences)
    .where(eq(schema.preferences.tenantId, tenantId));
  const preferredOf = new Map(prefs.map((x) => [x.partyId, x.channel]));
  const i = schema.interactions;
  const ip = schema.interactionParties;
  const contactRows = await q
    .select({
      partyId: ip.timelinePartyId,
      channel: i.channel,
      language: i.language,
      n: countDistinct(i.id),
    })
    .from(ip)
    .innerJoin(i, eq(i.id, ip.interactionId))
    .where(and(eq(ip.tenantId, tenantId), eq(i.direction, "inbound")))
    .groupBy(ip.timelinePartyId, i.channel, i.language);
  const contacts = new Map<string, { channels: Set<string>; languages: Map<string, number> }>();
  for (const row of contactRows) {
    if (!row.partyId) continue;
    const entry = contacts.get(row.partyId) ?? { channels: new Set(), languages: new Map() };
    entry.channels.add(row.channel);
    entry.languages.set(row.language, (entry.languages.get(row.language) ?? 0) + Number(row.n));
    contacts.set(row.partyId, entry);
  }
  const s = schema.signals;
  const signalRows = await q
    .select({ partyId: s.partyId, status: s.status, n: sql<number>`count(*)::int` })
    .from(s)
    .where(eq(s.tenantId, tenantId))
    .groupBy(s.partyId, s.status);
  const signals = new Map<string, { raised: number; accepted: number }>();
  for (const row of signalRows) {
    const entry = signals.get(row.partyId) ?? { raised: 0, accepted: 0 };
    entry.raised += Number(row.n);
    if (row.status === "accepted") entry.accepted += Number(row.n);
    signals.set(row.partyId, entry);
  }
  const residents = people
    .filter((x) => !excluded.has(x.id))
    .map((x): ResidentGroupFacts => {
      const c = contacts.get(x.id);
      const language =
        c && c.languages.size > 0
          ? ([...c.languages].sort(([a, n], [b, m]) => m - n || a.localeCompare(b))[0]?.[0] ?? null)
          : null;
      const area = /^\s*(\d{4})/.exec(x.postcode ?? "")?.[1] ?? null;
      return {
        partyId: x.id,
        postcodeArea: area,
        birthDate: x.birthDate ?? null,
        contactLanguage: language,
        preferredChannel: preferredOf.get(x.id) ?? null,
        channelsUsed: [...(c?.channels ?? [])].sort(),
        signalsRaised: signals.get(x.id)?.raised ?? 0,
        signalsAccepted: signals.get(x.id)?.accepted ?? 0,
      };
    });
  return { residents, withoutConsent: excluded.size };
}
