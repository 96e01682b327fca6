import Ajv from "ajv";
import addFormats from "ajv-formats";
import publicatiestandaard from "./spec/algoritmeregister-publicatiestandaard-v1.0.0.schema.json" with {
  type: "json",
};

/** The schema of the Algoritmeregister publicatiestandaard 1.0.0, as copied into ./spec (see its README). */
export const PUBLICATIESTANDAARD_SCHEMA: Record<string, unknown> = publicatiestandaard;

/** The register's own annotation keywords, declared so strict mode stays on for everything else. */
const ANNOTATIONS = ["name", "category", "display", "instructions", "example", "community"];

let compiled: ReturnType<Ajv["compile"]> | null = null;

function validator() {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addVocabulary(ANNOTATIONS);
    addFormats(ajv);
    compiled = ajv.compile(PUBLICATIESTANDAARD_SCHEMA);
  }
  return compiled;
}

/** Problems of each entry against the schema ("entry 3 (name): /start_date must match pattern …"); empty when valid. */
export function validateRegisterEntries(entries: readonly unknown[]): string[] {
  const validate = validator();
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    if (validate(entry)) return;
    const label = (entry as { name?: unknown } | null)?.name;
    for (const error of validate.errors ?? [])
      problems.push(
        `entry ${i + 1}${typeof label === "string" ? ` (${label})` : ""}: ${error.instancePath || "/"} ${error.message ?? "is invalid"}${error.params && "missingProperty" in error.params ? ` (${String(error.params.missingProperty)})` : ""}`,
      );
  });
  return problems;
}
