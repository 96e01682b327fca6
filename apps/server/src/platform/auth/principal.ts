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
  | { kind: "token"; tenantId: string; tokenId: string; roles: Role[]; teamIds: string[] }
  /** Omniloket itself, for work no person started (the routing worker); audited as actor type system. */
  | { kind: "process"; tenantId: string; process: string; roles: Role[]; teamIds: string[] };

export function actorOf(principal: Principal): {
  actorType: "employee" | "token" | "system";
  actorId: string;
} {
  switch (principal.kind) {
    case "employee":
      return { actorType: "employee", actorId: principal.employeeId };
    case "token":
      return { actorType: "token", actorId: principal.tokenId };
    case "process":
      return { actorType: "system", actorId: principal.process };
  }
}

/** The principal of a background process acting for one municipality. */
export function processPrincipal(tenantId: string, process: string): Principal {
  return { kind: "process", tenantId, process, roles: ["system"], teamIds: [] };
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
