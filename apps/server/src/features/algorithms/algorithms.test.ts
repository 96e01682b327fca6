import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { SIGNAL_RULES } from "@omniloket/domain";
import { testBackends } from "../../test-support/backends";
import { createTestTenant } from "../../test-support/harness";
import { runCli } from "../../test-support/processes";
import { updateChannelSettings } from "../organisation";
import {
  exportAlgorithmRegister,
  FILL_IN,
  PUBLICATIESTANDAARD_SCHEMA,
  registerTenant,
  validateRegisterEntries,
} from "./index";

const REQUIRED = PUBLICATIESTANDAARD_SCHEMA.required as string[];
const expectedIds = [
  ...SIGNAL_RULES.map((r) => `omniloket:signal:${r.id}:v${r.version}`),
  "omniloket:classifier:topic:omniloket-topic-nb-v1",
];

/** What the export must hold: every rule and the classifier, each valid against the copied schema. */
function assertCompleteAndValid(entries: ReadonlyArray<Record<string, unknown>>) {
  assert.deepEqual(
    entries.map((e) => e.source_id),
    expectedIds,
    "one entry per signal rule (in order) and one for the topic classifier",
  );
  assert.deepEqual(validateRegisterEntries(entries), []);
  for (const entry of entries)
    for (const field of REQUIRED) assert.ok(entry[field] !== undefined, `${entry.name}: ${field}`);
}

describe("algorithm register export", () => {
  const entries = exportAlgorithmRegister({ tenant: null, now: new Date("2026-11-29T12:00:00Z") });

  it("writes one valid entry per signal rule and one for the classifier", () => {
    assert.equal(entries.length, SIGNAL_RULES.length + 1);
    assertCompleteAndValid(entries);
    assert.equal(PUBLICATIESTANDAARD_SCHEMA.title, "Algoritmeregister Publicatiestandaard v1.0.0");
    for (const entry of entries) {
      assert.equal(entry.language, "nld");
      assert.equal(entry.schema, "1.0.0");
      assert.equal(entry.start_date, "2026-11");
      assert.match(entry.human_intervention, /een casusregisseur beslist/);
      assert.match(entry.human_intervention, /automatisch contact op/);
      assert.ok(entry.legal_basis.startsWith(FILL_IN), "the municipality fills in the legal basis");
      assert.ok(entry.organization.startsWith(FILL_IN));
    }
  });

  it("describes each rule with its version and parameters, filled into its Dutch description", () => {
    for (const [i, rule] of SIGNAL_RULES.entries()) {
      const entry = entries[i];
      assert.ok(entry);
      assert.doesNotMatch(entry.description_short, /\{\w+\}/, rule.id);
      assert.match(entry.technical_operation, new RegExp(`'${rule.id}', versie ${rule.version}`));
      for (const [key, value] of Object.entries(rule.parameters))
        if (typeof value === "number")
          assert.match(entry.technical_operation, new RegExp(`${key} = ${value}`));
    }
    const repeat = entries[0];
    assert.match(repeat?.description_short ?? "", /binnen 30 dagen minstens 3 keer/);
  });

  it("gives the classifier's method, training data and the macro-F1 measured at export", () => {
    const classifier = entries.at(-1);
    assert.ok(classifier);
    assert.match(classifier.technical_operation, /naive Bayes/);
    assert.match(classifier.technical_operation, /TF-IDF/);
    assert.match(classifier.technical_operation, /macro-F1 0,\d{3}/);
    assert.match(classifier.data, /\d+ voorbeeldberichten over \d+ onderwerpen/);
  });

  it("the validator catches a missing required field, a wrong enumeration and a removed entry", () => {
    const first = entries[0] as unknown as Record<string, unknown>;
    const { human_intervention: _, ...withoutReview } = first;
    assert.match(validateRegisterEntries([withoutReview]).join("\n"), /human_intervention/);
    assert.match(validateRegisterEntries([{ ...first, status: "Actief" }]).join("\n"), /\/status/);
    assert.match(validateRegisterEntries([{ ...first, start_date: "2026-11-29" }]).join("\n"), /start_date/);
    assert.throws(() => assertCompleteAndValid(entries.slice(1)));
  });

  it("rejects a start date that is not a month", () => {
    assert.throws(
      () => exportAlgorithmRegister({ tenant: null, now: new Date(), startDate: "2026-13" }),
      /JJJJ-MM/,
    );
  });

  it("omniloket algorithms export --out writes the validated entries (no database needed)", {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "omniloket-algorithms-"));
    try {
      const out = join(dir, "algoritmeregister.json");
      const output = await runCli(["algorithms", "export", "--out", out, "--start-date", "2026-01"], {
        DATABASE_URL: "",
        OMNILOKET_DATA_DIR: dir,
      });
      assert.match(output, new RegExp(`${SIGNAL_RULES.length + 1} registraties`));
      const written = JSON.parse(readFileSync(out, "utf8")) as Array<Record<string, unknown>>;
      assertCompleteAndValid(written);
      assert.equal(written[0]?.start_date, "2026-01");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const backend of testBackends()) {
  describe(`algorithm register export with --tenant (${backend.name})`, () => {
    it("names the municipality as organisation and its email address as contact", async () => {
      const database = await backend.open();
      try {
        const tenant = await createTestTenant(database, "algoritmestad");
        const plain = await registerTenant(database.db, "algoritmestad");
        const before = exportAlgorithmRegister({ tenant: plain, now: new Date() });
        assert.equal(before[0]?.organization, "Gemeente algoritmestad");
        assert.ok(before[0]?.contact.startsWith(FILL_IN), "no address known: left to fill in");
        await updateChannelSettings(
          { db: database.db },
          {
            tenantId: tenant.tenantId,
            channels: {
              email: {
                addresses: ["info@algoritmestad.nl"],
                from: "Gemeente Algoritmestad <info@algoritmestad.nl>",
              },
            },
          },
        );
        const entries = exportAlgorithmRegister({
          tenant: await registerTenant(database.db, "algoritmestad"),
          now: new Date(),
        });
        assertCompleteAndValid(entries);
        for (const entry of entries) {
          assert.equal(entry.organization, "Gemeente algoritmestad");
          assert.equal(entry.contact, "info@algoritmestad.nl");
        }
        await assert.rejects(registerTenant(database.db, "bestaatniet"), /bestaat niet/);
      } finally {
        await database.drop();
      }
    });
  });
}
