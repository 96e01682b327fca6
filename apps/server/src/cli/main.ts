import { Command, Option } from "commander";
import { ROLES } from "../platform/auth/roles";
import { loadConfig } from "../platform/config";
import { runAlgorithmsExport } from "./algorithms-command";
import { runClassifierEvaluate, runClassifyUnknown } from "./classifier-command";
import { runMigrate } from "./migrate-command";
import { runSeed } from "./seed-command";
import { runSignalsEvaluateDemo, runSignalsRescan } from "./signals-command";
import { runSignalsEffect } from "./signals-effect-command";
import { runStart } from "./start-command";
import { runTenantAdd } from "./tenant-add-command";
import { runTokenCreate } from "./token-create-command";
import { runUserAdd } from "./user-add-command";

export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name("omniloket")
    .description("Omniloket: één vraag en één tijdlijn per inwoner, over alle kanalen.")
    .showHelpAfterError();

  program
    .command("start")
    .description(
      "Migreer de database, laad de demo bij de eerste start (ingebouwde modus) en start de server.",
    )
    .option("--demo", "laad de demogemeente ook op PostgreSQL (alleen voor een test- of demo-omgeving)")
    .option("--no-demo", "laad geen demogemeente, ook niet bij de eerste start")
    .action(async (options: { demo?: boolean }) => runStart(loadConfig(), { demo: options.demo }));

  program
    .command("migrate")
    .description("Voer de databasemigraties uit en stop.")
    .action(async () => runMigrate(loadConfig()));

  program
    .command("seed")
    .description("Laad een synthetische gemeente (Voorbeeldstad) in de database.")
    .option("--residents <n>", "aantal inwoners", "5000")
    .option("--months <n>", "aantal maanden geschiedenis", "12")
    .option("--seed <n>", "startgetal van de toevalsgenerator (zelfde getal, zelfde gemeente)", "1")
    .option("--ground-truth <file>", "schrijf de grondwaarheid (alleen voor evaluatie) naar dit bestand")
    .option("--demo", "toegestaan op PostgreSQL (alleen voor een test- of demo-omgeving)")
    .action(async (options) =>
      runSeed(loadConfig(), {
        residents: Number(options.residents),
        months: Number(options.months),
        seed: Number(options.seed),
        groundTruthPath: options.groundTruth,
        demo: options.demo === true,
      }),
    );

  const tenant = program.command("tenant").description("Gemeenten beheren.");
  tenant
    .command("add")
    .description("Voeg een gemeente toe (met een algemeen team).")
    .requiredOption("--slug <slug>", "korte naam, bijvoorbeeld voorbeeldstad")
    .requiredOption("--name <name>", "naam, bijvoorbeeld Gemeente Voorbeeldstad")
    .option("--oin <oin>", "organisatie-identificatienummer")
    .action(async (options) =>
      runTenantAdd(loadConfig(), { slug: options.slug, name: options.name, oin: options.oin }),
    );

  const user = program.command("user").description("Medewerkers beheren.");
  user
    .command("add")
    .description("Voeg een medewerker toe; het wachtwoord wordt één keer getoond.")
    .requiredOption("--email <email>", "inlognaam (e-mailadres)")
    .requiredOption("--name <name>", "volledige naam")
    .addOption(new Option("--role <role...>", "rol(len)").choices([...ROLES]).makeOptionMandatory())
    .option("--tenant <slug>", "gemeente (slug); standaard de enige gemeente")
    .action(async (options) =>
      runUserAdd(loadConfig(), {
        email: options.email,
        name: options.name,
        roles: options.role,
        tenantSlug: options.tenant,
      }),
    );

  const token = program.command("token").description("Toegangstokens voor systemen beheren.");
  token
    .command("create")
    .description("Maak een toegangstoken voor een systeem; het token wordt één keer getoond.")
    .requiredOption("--name <name>", "naam van het systeem")
    .addOption(new Option("--role <role...>", "rol(len)").choices([...ROLES]).default(["system"]))
    .option("--tenant <slug>", "gemeente (slug); standaard de enige gemeente")
    .action(async (options) =>
      runTokenCreate(loadConfig(), { name: options.name, roles: options.role, tenantSlug: options.tenant }),
    );

  const classifier = program.command("classifier").description("De onderwerpclassificatie.");
  classifier
    .command("evaluate")
    .description(
      "Train op het trainingsdeel en toon precision, recall en F1 per onderwerp op het achtergehouden deel.",
    )
    .option("--seed <n>", "startgetal van de verdeling", "7")
    .option("--held-out <share>", "aandeel achtergehouden voorbeelden", "0.25")
    .action((options) => {
      runClassifierEvaluate({ seed: Number(options.seed), heldOutShare: Number(options.heldOut) });
    });
  classifier
    .command("classify-unknown")
    .description("Deel open vragen zonder onderwerp in (met uitleg) en zet ze door naar het juiste team.")
    .option("--tenant <slug>", "gemeente (slug); standaard de enige gemeente")
    .option("--limit <n>", "hoogstens zoveel vragen", "500")
    .action(async (options) =>
      runClassifyUnknown(loadConfig(), { tenantSlug: options.tenant, limit: Number(options.limit) }),
    );

  const signals = program
    .command("signals")
    .description("Signalen: inwoners die vastlopen, de vraag achter de vraag.");
  signals
    .command("rescan")
    .description("Beoordeel alle signaalregels opnieuw voor alle inwoners van een gemeente.")
    .option("--tenant <slug>", "gemeente (slug); standaard de enige gemeente")
    .action(async (options) => {
      await runSignalsRescan(loadConfig(), { tenantSlug: options.tenant });
    });
  signals
    .command("effect")
    .description(
      "Toon per regel wat er met de signalen gebeurde en het effect, en per groep inwoners hoe vaak er een signaal was.",
    )
    .option("--tenant <slug>", "gemeente (slug); standaard de enige gemeente")
    .action(async (options) => {
      await runSignalsEffect(loadConfig(), { tenantSlug: options.tenant });
    });
  signals
    .command("evaluate-demo")
    .description("Genereer Voorbeeldstad en toon precision en recall per regel tegen de grondwaarheid.")
    .option("--seed <s>", "startgetal van de generator", "1")
    .option("--residents <n>", "aantal inwoners", "2000")
    .option("--months <n>", "aantal maanden", "12")
    .action(async (options) => {
      await runSignalsEvaluateDemo({
        seed: options.seed,
        residents: Number(options.residents),
        months: Number(options.months),
      });
    });

  program
    .command("algorithms")
    .description("Het algoritmeregister: registraties van de signaalregels en de onderwerpclassificatie.")
    .command("export")
    .description(
      "Schrijf een registratie (Algoritmeregister publicatiestandaard 1.0.0) per signaalregel en voor de onderwerpclassificatie.",
    )
    .option("--out <file>", "schrijf naar dit bestand (standaard: standaarduitvoer)")
    .option("--tenant <slug>", "gemeente (slug): haar naam en e-mailadres als organisatie en contact")
    .option("--start-date <yyyy-mm>", "maand van ingebruikname (standaard: deze maand)")
    .action(async (options) => {
      await runAlgorithmsExport(loadConfig(), {
        out: options.out,
        tenantSlug: options.tenant,
        startDate: options.startDate,
      });
    });

  await program.parseAsync(argv);
}
