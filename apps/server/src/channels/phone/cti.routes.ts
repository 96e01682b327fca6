import { normalisePhone } from "@omniloket/domain";
import { recordCallEvent } from "../../features/calls";
import { tenantForChannelAddress } from "../../features/organisation";
import type { AppDeps } from "../../platform/deps";
import { invalidInput } from "../../platform/errors";
import type { App } from "../../platform/http/types";
import { channelBodyLimit } from "../channel-body-limit";
import { badSignature, malformedBody, missingField } from "../channel-errors";
import { ctiPayloadSchema, toCallEvent } from "./cti-payload";
import { verifyCtiSignature } from "./cti-signature";

export const CTI_WEBHOOK_PATH = "/channels/phone/cti";

/**
 * The telephony platform's webhook (public; every request is signed with the municipality's CTI secret).
 * The called number says which municipality; an unknown number cannot be verified and gets 401.
 */
export function registerCtiRoutes(app: App, deps: AppDeps) {
  app.use("/channels/phone/*", channelBodyLimit(deps));
  app.post(CTI_WEBHOOK_PATH, async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      throw malformedBody("body", "geen geldige JSON.");
    }
    const to = (json as { to?: unknown } | null)?.to;
    if (typeof to !== "string" || to.length === 0) throw missingField("to");
    const number = normalisePhone(to);
    const tenant = number.ok ? await tenantForChannelAddress(deps.database.db, "phone", number.value) : null;
    const secret = tenant?.settings.phone?.ctiSecret;
    if (
      !tenant?.settings.phone ||
      !secret ||
      !verifyCtiSignature(secret, raw, c.req.header("x-omniloket-signature"))
    ) {
      throw badSignature();
    }
    const parsed = ctiPayloadSchema.safeParse(json);
    if (!parsed.success) {
      throw invalidInput(
        parsed.error.issues.map((issue) => ({
          name: issue.path.join(".") || "body",
          code: issue.code,
          reason: issue.message,
        })),
        `Het gespreksbericht is niet geldig: controleer ${parsed.error.issues.map((i) => i.path.join(".") || "body").join(", ")}.`,
      );
    }
    const result = await recordCallEvent(deps, {
      tenantId: tenant.tenantId,
      phone: tenant.settings.phone,
      event: toCallEvent(parsed.data, deps.clock()),
    });
    return c.json(result, 200);
  });
}
