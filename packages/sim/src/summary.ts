import { createHash } from "node:crypto";
import { type GeneratedMunicipality, SIM_CHANNELS, type SimChannel } from "./types";

export type MunicipalitySummary = {
  residents: number;
  parties: number;
  questions: number;
  interactions: number;
  tasks: number;
  channelMix: Record<SimChannel, number>;
  stuckResidents: number;
};

/** Share of all interactions (both directions) per channel, rounded to a tenth of a percent. */
export function channelMix(generated: GeneratedMunicipality): Record<SimChannel, number> {
  const counts = Object.fromEntries(SIM_CHANNELS.map((c) => [c, 0])) as Record<SimChannel, number>;
  for (const interaction of generated.interactions) counts[interaction.channel]++;
  const total = Math.max(1, generated.interactions.length);
  for (const channel of SIM_CHANNELS) counts[channel] = Math.round((counts[channel] / total) * 1000) / 10;
  return counts;
}

/** Counts for a progress line or a README table. */
export function summariseMunicipality(generated: GeneratedMunicipality): MunicipalitySummary {
  return {
    residents: generated.options.residents,
    parties: generated.parties.length,
    questions: generated.questions.length,
    interactions: generated.interactions.length,
    tasks: generated.tasks.length,
    channelMix: channelMix(generated),
    stuckResidents: generated.groundTruth.residents.filter((r) => r.stuck).length,
  };
}

/** A SHA-256 of the whole generation: equal fingerprints mean identical data (for caching and determinism checks). */
export function fingerprint(generated: GeneratedMunicipality): string {
  const json = JSON.stringify(generated, (_key, value) =>
    typeof value === "bigint" ? value.toString() : value,
  );
  return createHash("sha256").update(json).digest("hex");
}
