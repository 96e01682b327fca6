import { AppError } from "../../platform/errors";
import { CANNED_TEXT_VARIABLES } from "./render-canned-text";

export const cannedTextNameTaken = (name: string) =>
  new AppError(
    "canned-text-name-taken",
    "conflict",
    `Er is al een standaardtekst met de naam "${name}". Kies een andere naam.`,
    [{ name: "name", code: "taken", reason: "Deze naam is al in gebruik." }],
  );

/** Only the variables the workspace can fill may appear; a typo would otherwise reach a resident. */
export function checkCannedTextVariables(body: string): void {
  const unknown = [...body.matchAll(/\{\{\s*([^}\s]*)\s*\}\}/g)]
    .map((match) => match[1] ?? "")
    .filter((name) => !(CANNED_TEXT_VARIABLES as readonly string[]).includes(name));
  if (unknown.length === 0) return;
  const allowed = CANNED_TEXT_VARIABLES.map((v) => `{{${v}}}`).join(", ");
  throw new AppError(
    "unknown-variable",
    "validation",
    `De tekst gebruikt een variabele die niet bestaat: {{${unknown[0]}}}. U kunt gebruiken: ${allowed}.`,
    [{ name: "body", code: "unknown-variable", reason: `Gebruik alleen ${allowed}.` }],
  );
}
