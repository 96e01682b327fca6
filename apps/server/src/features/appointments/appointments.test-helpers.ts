import { schema } from "@omniloket/db";
import type { PortalWorld } from "../../portal/portal.test-helpers";
import type { PortalResident } from "../portal";
import { generateSlots } from "./generate-slots";

/** A counter open every day from 9 to 10 in half-hour slots, `capacity` residents per slot; its slots. */
export async function openCounter(
  world: PortalWorld,
  input: { name: string; capacity: number; address?: string },
): Promise<string> {
  const [location] = await world.deps.database.db
    .insert(schema.counterLocations)
    .values({
      tenantId: world.tenant.tenantId,
      name: input.name,
      address: input.address ?? "Marktplein 1\n1234 AB Teststad",
      weeklyPattern: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: "09:00", until: "10:00" })),
      slotMinutes: 30,
      slotCapacity: input.capacity,
    })
    .returning({ id: schema.counterLocations.id });
  if (!location) throw new Error("no location");
  await generateSlots(
    { db: world.deps.database.db },
    { tenantId: world.tenant.tenantId, now: world.deps.clock() },
  );
  return location.id;
}

/** A resident who wrote one email (their question), as the portal's session would carry them. */
export async function residentWithQuestion(
  world: PortalWorld,
  email: string,
): Promise<{ resident: PortalResident; questionId: string }> {
  const result = await world.ingest({
    channel: "email",
    subject: "Nieuw paspoort",
    text: "Ik wil een nieuw paspoort aanvragen.",
    topicId: "reisdocumenten",
    sender: { identifiers: [{ kind: "email", value: email }] },
  });
  const [row] = await world.deps.database.query<{ party_id: string }>(
    "SELECT party_id::text FROM party_identifiers WHERE kind = 'email' AND value = $1",
    [email],
  );
  if (!row) throw new Error(`no party for ${email}`);
  return {
    resident: {
      tenantId: world.tenant.tenantId,
      partyId: row.party_id,
      csrfToken: "test",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
    questionId: result.questionId,
  };
}

/** The emails the SMTP capture received for one address, as text (subject and body). */
export async function mailsTo(world: PortalWorld, to: string): Promise<string[]> {
  const { simpleParser } = await import("mailparser");
  const out: string[] = [];
  for (const raw of world.smtp.received) {
    const mail = await simpleParser(raw);
    const address = mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : "";
    if (address?.toLowerCase() === to.toLowerCase()) out.push(`${mail.subject ?? ""}\n${mail.text ?? ""}`);
  }
  return out;
}
