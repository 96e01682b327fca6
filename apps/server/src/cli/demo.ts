import type { Database } from "@omniloket/db";
import cliProgress from "cli-progress";
import { DEMO_PASSWORD, type DemoAccount, installDemo } from "../features/demo";

const stageNames: Record<string, string> = {
  tenants: "gemeente",
  teams: "teams",
  employees: "medewerkers",
  team_members: "teams",
  parties: "inwoners",
  party_identifiers: "kenmerken",
  digital_addresses: "adressen",
  representations: "vertegenwoordiging",
  preferences: "voorkeuren",
  consents: "toestemmingen",
  questions: "vragen",
  interactions: "contacten",
  interaction_parties: "betrokkenen",
  tasks: "taken",
  receipts: "ontvangstbewijzen",
};

/** A progress bar on a terminal, or a line per stage elsewhere (CI, logs). */
export function demoProgressReporter() {
  const bar = process.stdout.isTTY
    ? new cliProgress.SingleBar(
        { format: "  {bar} {percentage}% | {stage}", hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  let lastStage = "";
  return {
    onProgress(done: number, total: number, stage: string) {
      const name = stageNames[stage] ?? stage;
      if (bar) {
        if (!started) bar.start(total, 0, { stage: name });
        started = true;
        bar.update(done, { stage: name });
      } else if (stage !== lastStage) {
        console.log(`  laden: ${name}…`);
      }
      lastStage = stage;
    },
    done(summary: { parties: number; interactions: number; milliseconds: number }) {
      bar?.stop();
      console.log(
        `Voorbeeldstad geladen: ${summary.parties} partijen, ${summary.interactions} contacten in ${(summary.milliseconds / 1000).toFixed(1)} s.`,
      );
    },
  };
}

export async function loadDemoWithProgress(
  database: Database,
  options: { residents: number; months: number; seed: number; groundTruthPath?: string },
) {
  const progress = demoProgressReporter();
  const result = await installDemo(database, { ...options, onProgress: progress.onProgress });
  progress.done({
    parties: result.generated.parties.length,
    interactions: result.generated.interactions.length,
    milliseconds: result.milliseconds,
  });
  return result.accounts;
}

export function printDemoAccounts(accounts: DemoAccount[]): void {
  if (accounts.length === 0) return;
  console.log("\nDemo-accounts (alleen voor deze demo-database), wachtwoord voor allemaal:", DEMO_PASSWORD);
  for (const account of accounts) {
    const totp = account.totpSecret ? `  (tweede factor, TOTP-sleutel ${account.totpSecret})` : "";
    console.log(`  ${account.email.padEnd(36)} ${account.roles.join(", ")}${totp}`);
  }
  console.log("");
}
