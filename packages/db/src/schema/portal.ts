import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, tenantId } from "./columns";

/**
 * A one-time login code for the residents' portal (/mijn/{gemeente}), sent to an email address.
 * Only a hash of the code is stored; it is valid ten minutes, used once, and allows five attempts.
 * The rows of the last hour also count the requests per address (the throttle).
 */
export const portalLoginCodes = pgTable(
  "portal_login_codes",
  {
    id: id(),
    tenantId: tenantId(),
    addressKind: text("address_kind").$type<"email" | "phone">().notNull(),
    /** The normalised address the code went to (email with lower-case domain, phone in E.164). */
    address: text("address").notNull(),
    codeHash: text("code_hash").notNull(),
    expiresAt: at("expires_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    usedAt: at("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("portal_login_codes_address_idx").on(t.tenantId, t.addressKind, t.address, t.createdAt)],
);

/** A resident's portal session: the random token lives only in the cookie, here only its sha256. */
export const portalSessions = pgTable(
  "portal_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    tenantId: tenantId(),
    partyId: uuid("party_id").notNull(),
    /** The hidden field every POST form of the session carries. */
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("portal_sessions_party_idx").on(t.partyId)],
);
