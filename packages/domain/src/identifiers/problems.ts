/** Why an identifier was rejected. Callers map these codes to user-facing text. */
export type IdentifierProblem =
  | "empty"
  | "not-digits"
  | "wrong-length"
  | "fails-eleven-test"
  | "invalid-format"
  | "invalid-domain"
  | "invalid-phone-number";
