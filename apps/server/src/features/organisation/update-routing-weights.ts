import type { Db } from "@omniloket/db";
import { LOAD_CHANNELS, type Weights, weightsFrom } from "@omniloket/domain";
import { invalidInput } from "../../platform/errors";
import { writeTenantSetting } from "./write-tenant-setting";

/**
 * Saves the share of capacity one open item of each channel takes (`settings.routing.weights`).
 * Every channel must pass the domain's own rule (a number above 0 and at most 1), so what is saved
 * is exactly what routing will use.
 */
export async function updateRoutingWeights(
  deps: { db: Db },
  input: { tenantId: string; weights: Record<string, unknown> },
): Promise<Weights> {
  const accepted = weightsFrom(input.weights);
  const wrong = LOAD_CHANNELS.filter((channel) => accepted[channel] !== input.weights[channel]);
  if (wrong.length > 0) {
    throw invalidInput(
      wrong.map((channel) => ({
        name: channel,
        code: "out-of-range",
        reason: "Een getal groter dan 0 en hoogstens 1.",
      })),
      "Elk gewicht is een getal groter dan 0 en hoogstens 1.",
    );
  }
  await writeTenantSetting(deps.db, input.tenantId, ["routing", "weights"], accepted);
  return accepted;
}
