import { evaluateShippedClassifier } from "@omniloket/domain";
import { classifyUnknownQuestions } from "../features/classification";
import type { Config } from "../platform/config";
import { withTenantDatabase } from "./with-tenant-database";

const pct = (x: number) => x.toFixed(3);

/** `omniloket classifier evaluate`: train on the seeded training split, score the held-out split. */
export function runClassifierEvaluate(input: { seed: number; heldOutShare: number }, print = console.log) {
  const evaluation = evaluateShippedClassifier({ seed: input.seed, heldOutShare: input.heldOutShare });
  print(
    `Onderwerpclassificatie: getraind op ${evaluation.trainingSize} voorbeelden, getoetst op ${evaluation.heldOutSize} achtergehouden voorbeelden (seed ${input.seed}).`,
  );
  print("");
  print(
    `${"onderwerp".padEnd(20)} ${"precision".padStart(9)} ${"recall".padStart(7)} ${"F1".padStart(6)}  n`,
  );
  for (const t of evaluation.perTopic) {
    print(
      `${t.topicId.padEnd(20)} ${pct(t.precision).padStart(9)} ${pct(t.recall).padStart(7)} ${pct(t.f1).padStart(6)}  ${t.support}`,
    );
  }
  print("");
  print(`macro-F1: ${pct(evaluation.macroF1)}`);
  print(`accuracy: ${pct(evaluation.accuracy)}`);
  print(
    `onder de drempel (onderwerp blijft onbekend): ${pct(evaluation.unknownShare)}; accuracy van de rest: ${pct(evaluation.decidedAccuracy)}`,
  );
  print("");
  print("Meest voorkomende verwisselingen (werkelijk → voorspeld):");
  for (const c of evaluation.confusions.slice(0, 8)) print(`  ${c.actual} → ${c.predicted}: ${c.count}`);
  print("");
  print("Taalherkenning:");
  for (const l of evaluation.languages)
    print(`  ${l.language}: ${l.correct}/${l.total} (${pct(l.accuracy)})`);
  return evaluation;
}

/** `omniloket classifier classify-unknown`: set the topic of questions whose topic is unknown. */
export async function runClassifyUnknown(config: Config, input: { tenantSlug?: string; limit: number }) {
  await withTenantDatabase(config, input.tenantSlug, async (db, tenantId) => {
    const result = await classifyUnknownQuestions(
      { db, clock: () => new Date() },
      { tenantId, limit: input.limit },
    );
    console.log(
      `${result.examined} vragen zonder onderwerp bekeken: ${result.classified} ingedeeld (open vragen ook doorgezet), ${result.leftUnknown} onbekend gebleven (waarvan ${result.otherLanguage} in een andere taal).`,
    );
  });
}
