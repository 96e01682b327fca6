import { SIGNAL_RULES } from "@omniloket/domain";

/** A rule's Dutch description with its parameters filled in ("binnen {windowDays} dagen" → "binnen 30 dagen"). */
export function ruleDescription(ruleId: string): string {
  const rule = SIGNAL_RULES.find((r) => r.id === ruleId);
  if (!rule) return ruleId;
  return rule.description.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = rule.parameters[name];
    return typeof value === "number" || typeof value === "string" ? String(value) : whole;
  });
}
