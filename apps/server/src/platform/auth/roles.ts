export const ROLES = [
  "agent",
  "back-office",
  "case-guide",
  "supervisor",
  "analyst",
  "privacy-officer",
  "admin",
  /** Systems delivering contacts through the API channel (API tokens). */
  "system",
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that may read a resident's personal data at all (analysts see pseudonymised aggregates only). */
export const PERSONAL_DATA_ROLES: readonly Role[] = [
  "agent",
  "back-office",
  "case-guide",
  "supervisor",
  "privacy-officer",
  "admin",
  "system",
];

/** Purposes of access to personal data; every read is logged with one of these. */
export const PURPOSES = [
  "contact-handling",
  "case-handling",
  "case-guidance",
  "quality-supervision",
  "privacy-request",
  "system-integration",
  "administration",
] as const;
export type Purpose = (typeof PURPOSES)[number];
