import type { Config } from "../platform/config";

export async function runSeed(
  _config: Config,
  _input: { residents: number; months: number; seed: number; groundTruthPath?: string; demo: boolean },
): Promise<void> {
  throw new Error("not yet wired");
}
