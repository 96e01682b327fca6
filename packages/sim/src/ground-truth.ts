import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { GeneratedMunicipality } from "./types";

/**
 * Writes what really happened (life events, who got stuck and why, the true topic and need of every
 * question) to its own JSON file. It is for evaluating detectors only and never goes into the database.
 */
export async function writeGroundTruth(path: string, generated: GeneratedMunicipality): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const document = {
    about:
      "Ground truth of the generated demo municipality Voorbeeldstad. For evaluation only: never load this into Omniloket.",
    options: {
      seed: generated.options.seed,
      residents: generated.options.residents,
      months: generated.options.months,
      start: generated.options.start,
      endDate: generated.options.endDate,
    },
    ...generated.groundTruth,
  };
  await writeFile(path, `${JSON.stringify(document)}\n`, "utf8");
}
