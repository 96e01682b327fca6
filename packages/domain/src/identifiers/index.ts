export { normaliseBsn, normaliseRsin } from "./bsn";
export { passesElevenTest } from "./eleven-test";
export { normaliseEmail } from "./email";
export { normaliseKvk, normaliseVestigingsnummer } from "./kvk";
export { IDENTIFIER_KINDS, type IdentifierKind, normaliseIdentifier } from "./normalise-identifier";
export { type CountryCode, normalisePhone } from "./phone";
export type { IdentifierProblem } from "./problems";
