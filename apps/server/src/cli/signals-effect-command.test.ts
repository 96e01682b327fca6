import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../app";
import { createEmployee } from "../features/accounts";
import { acceptSignal } from "../features/signals";
import { seedWorklist } from "../features/signals/worklist-test-support";
import type { Principal } from "../platform/auth/principal";
import { testBackends } from "../test-support/backends";
import { client, createTestTenant, TEST_PASSWORD, testDeps } from "../test-support/harness";
import { effectAndPrint } from "./signals-effect-command";

const [backend] = testBackends();

describe("omniloket signals effect", () => {
  let database: Database & { drop(): Promise<void> };
  let tenantId: string;
  before(async () => {
    database = backend ? await backend.open() : (undefined as never);
    const tenant = await createTestTenant(database, "effectcli");
    tenantId = tenant.tenantId;
    const seeded = await seedWorklist(
      database,
      client(createApp(testDeps(database)), { token: tenant.token }),
      tenantId,
    );
    const [signal] = await database.query<{ id: string }>(
      "SELECT id FROM signals WHERE party_id = $1 AND rule_id = 'repeat-contact'",
      [seeded.urgent.partyId],
    );
    const guide = await createEmployee(database.db, {
      tenantId,
      name: "Carla Casusregisseur",
      email: "regie@effectcli.test",
      roles: ["case-guide"],
      password: TEST_PASSWORD,
    });
    const principal: Principal = {
      kind: "employee",
      tenantId,
      employeeId: guide.id,
      roles: ["case-guide"],
      teamIds: [],
      sessionTokenHash: "",
      csrfToken: "",
    };
    await acceptSignal(
      { db: database.db, clock: () => new Date() },
      { principal, signalId: signal?.id ?? "" },
    );
  });
  after(() => database.drop());

  it("prints per rule the decisions and the effect, and per group the rates or 'te klein'", async () => {
    const lines: string[] = [];
    await effectAndPrint(database.db, tenantId, (line) => lines.push(line));
    const output = lines.join("\n");
    assert.match(output, /^regel\s+gevonden\s+geaccepteerd\s+afgewezen\s+uitgesteld\s+open$/m);
    assert.match(output, /^repeat-contact\s+3\s+1\s+0\s+0\s+2$/m, output);
    // Accepted today: neither period after it has passed.
    assert.match(
      output,
      /^repeat-contact\s+0\/0\/0; 1 ntm; -\s+0\/0\/0; 1 ntm; -\s+0\/1; - d\s+0\/0\/1$/m,
      output,
    );
    assert.match(output, /^Eerlijkheid: 3 inwoners met een vraag/m);
    for (const heading of [
      "Wijk (postcodegebied)",
      "Leeftijd",
      "Taal van de contacten",
      "Voorkeurskanaal",
      "Gebruikte kanalen",
    ])
      assert.match(output, new RegExp(`^${heading.replace(/[()]/g, "\\$&")}\\s+inwoners`, "m"));
    assert.match(output, /^ {2}onbekend\s+te klein$/m);
    assert.doesNotMatch(output, /@voorbeeld\.test|[0-9a-f]{8}-[0-9a-f]{4}-/, "no personal data or ids");
    const [audit] = await database.query<{ actor_type: string; purpose: string }>(
      "SELECT actor_type, purpose FROM audit_events WHERE action = 'signals.effect'",
    );
    assert.deepEqual(audit, { actor_type: "system", purpose: "quality-supervision" });
  });
});
