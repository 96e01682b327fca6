import type { Db } from "@omniloket/db";
import type { ServiceNorm } from "@omniloket/domain";
import { invalidInput } from "../../platform/errors";
import { writeTenantSetting } from "./write-tenant-setting";

/**
 * Replaces the municipality's service norms (`settings.serviceNorms`). Each topic and channel pair may
 * appear once; a catch-all ("*" and "*") must be there, so every question gets a due time.
 */
export async function updateServiceNorms(
  deps: { db: Db },
  input: { tenantId: string; norms: ServiceNorm[] },
): Promise<ServiceNorm[]> {
  const seen = new Set<string>();
  const problems = input.norms.flatMap((norm, index) => {
    const key = `${norm.topicId}|${norm.channel}`;
    if (seen.has(key))
      return [
        {
          name: `items.${index}.channel`,
          code: "duplicate",
          reason: "Dit onderwerp en kanaal hebben al een norm.",
        },
      ];
    seen.add(key);
    return [];
  });
  if (!seen.has("*|*"))
    problems.push({
      name: "items",
      code: "catch-all-missing",
      reason: "Voeg een norm toe voor alle onderwerpen en alle kanalen.",
    });
  if (problems.length > 0) throw invalidInput(problems, "De servicenormen kloppen niet.");
  const norms = input.norms.map(({ topicId, channel, workingMinutes, label }) => ({
    topicId,
    channel,
    workingMinutes,
    label: label.trim(),
  }));
  await writeTenantSetting(deps.db, input.tenantId, ["serviceNorms"], norms);
  return norms;
}
