import type { Context } from "hono";
import { type DeliveryStatus, recordDeliveryStatus } from "../../features/delivery";
import { ingestInteraction } from "../../features/ingest";
import { tenantForChannelAddress, tenantForWhatsappVerifyToken } from "../../features/organisation";
import type { AppDeps } from "../../platform/deps";
import { AppError } from "../../platform/errors";
import type { App } from "../../platform/http/types";
import { channelBodyLimit } from "../channel-body-limit";
import { badSignature, missingField, unknownChannelAddress } from "../channel-errors";

import { whatsappMessageToIngest } from "./whatsapp-inbound";
import { parseWhatsappWebhook } from "./whatsapp-payload";
import { verifyWhatsappSignature } from "./whatsapp-signature";
import { whatsappDeliveryStatus } from "./whatsapp-status";

export const WHATSAPP_WEBHOOK_PATH = "/channels/whatsapp";

type Work =
  | { kind: "message"; tenantId: string; interaction: ReturnType<typeof whatsappMessageToIngest> }
  | { kind: "status"; tenantId: string; id: string; status: DeliveryStatus; error?: string };

async function verifyChallenge(deps: AppDeps, c: Context) {
  const mode = c.req.query("hub.mode");
  const token = c.req.query("hub.verify_token");
  const challenge = c.req.query("hub.challenge");
  if (!challenge || challenge.length > 200) throw missingField("hub.challenge");
  const tenantId =
    mode === "subscribe" && token ? await tenantForWhatsappVerifyToken(deps.database.db, token) : null;
  if (!tenantId)
    throw new AppError("bad-verify-token", "forbidden", "Dit verificatietoken is bij geen gemeente bekend.");
  return c.text(challenge, 200);
}

/**
 * Everything in the body is checked and translated before anything is written, so a bad part
 * refuses the whole delivery instead of storing half of it.
 */
async function planWork(deps: AppDeps, c: Context, raw: Uint8Array): Promise<Work[]> {
  const changes = parseWhatsappWebhook(new TextDecoder("utf-8").decode(raw));
  const signature = c.req.header("x-hub-signature-256");
  const tenants = new Map<string, string>();
  for (const change of changes) {
    if (tenants.has(change.phoneNumberId)) continue;
    const tenant = await tenantForChannelAddress(deps.database.db, "whatsapp", change.phoneNumberId);
    const secret = tenant?.settings.whatsapp?.appSecret;
    if (!tenant || !secret) throw unknownChannelAddress();
    if (!verifyWhatsappSignature(secret, raw, signature)) throw badSignature();
    tenants.set(change.phoneNumberId, tenant.tenantId);
  }
  const work: Work[] = [];
  changes.forEach((change, i) => {
    const tenantId = tenants.get(change.phoneNumberId) as string;
    change.messages?.forEach((message, m) => {
      const path = `changes.${i}.value.messages.${m}`;
      work.push({ kind: "message", tenantId, interaction: whatsappMessageToIngest(message, path) });
    });
    for (const update of change.statuses ?? []) {
      const reported = whatsappDeliveryStatus(update);
      if (reported) work.push({ kind: "status", tenantId, id: update.id, ...reported });
    }
  });
  return work;
}

/** WhatsApp Cloud API-compatible webhook: the subscription check and signed deliveries (public). */
export function registerWhatsappRoutes(app: App, deps: AppDeps) {
  app.use(`${WHATSAPP_WEBHOOK_PATH}`, channelBodyLimit(deps));
  app.get(WHATSAPP_WEBHOOK_PATH, (c) => verifyChallenge(deps, c));

  app.post(WHATSAPP_WEBHOOK_PATH, async (c) => {
    // The signature covers the exact bytes, so they are read before anything parses them.
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const work = await planWork(deps, c, raw);
    for (const item of work) {
      if (item.kind === "message") {
        await ingestInteraction(deps, { tenantId: item.tenantId, interaction: item.interaction });
      } else {
        await recordDeliveryStatus(
          { db: deps.database.db, clock: deps.clock },
          {
            tenantId: item.tenantId,
            channel: "whatsapp",
            providerMessageId: item.id,
            status: item.status,
            ...(item.error ? { error: item.error } : {}),
          },
        );
      }
    }
    return c.json({ received: work.length }, 200);
  });
}
