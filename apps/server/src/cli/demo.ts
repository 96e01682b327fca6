import type { Database } from "@omniloket/db";

export type DemoAccount = { email: string; role: string; totpSecret?: string };

export async function installDemo(
  _database: Database,
  _options: { residents: number; months: number; seed: number },
): Promise<DemoAccount[]> {
  return [];
}

export function printDemoAccounts(_accounts: DemoAccount[] | null): void {}
