import type { Role } from "./roles";

/** Who is calling: a person with a session, or a system with a bearer token. */
export type Principal =
  | {
      kind: "employee";
      tenantId: string;
      employeeId: string;
      roles: Role[];
      teamIds: string[];
      sessionTokenHash: string;
      csrfToken: string;
    }
  | { kind: "token"; tenantId: string; tokenId: string; roles: Role[]; teamIds: string[] };

export function actorOf(principal: Principal): { actorType: "employee" | "token"; actorId: string } {
  return principal.kind === "employee"
    ? { actorType: "employee", actorId: principal.employeeId }
    : { actorType: "token", actorId: principal.tokenId };
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
