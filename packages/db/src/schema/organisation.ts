import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, tenantId } from "./columns";

/** A municipality. One installation may serve several, strictly apart. */
export const tenants = pgTable("tenants", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** Organisatie-identificatienummer, used as CloudEvents source. */
  oin: text("oin"),
  settings: jsonb("settings").notNull().default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
});

export const teams = pgTable(
  "teams",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    topicIds: text("topic_ids").array().notNull().default(sql`'{}'::text[]`),
    /** The team that receives questions whose topic is unknown. */
    isGeneral: boolean("is_general").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("teams_tenant_name_uq").on(t.tenantId, t.name)],
);

export const employees = pgTable(
  "employees",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    /** Login name; stored lower-case. */
    email: text("email").notNull(),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text("password_hash"),
    totpSecret: text("totp_secret"),
    active: boolean("active").notNull().default(true),
    language: text("language").notNull().default("nl"),
    /** Routing skills: topics this employee handles (empty: every topic) and the languages they speak (ISO 639-3). */
    skillTopicIds: text("skill_topic_ids").array().notNull().default(sql`'{}'::text[]`),
    languages: text("languages").array().notNull().default(sql`'{nld}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("employees_tenant_email_uq").on(t.tenantId, t.email)],
);

/** Whether an employee takes work now (routing); no row means offline. */
export const employeePresence = pgTable(
  "employee_presence",
  {
    employeeId: uuid("employee_id").primaryKey(),
    tenantId: tenantId(),
    presence: text("presence")
      .$type<"available" | "busy" | "away" | "offline">()
      .notNull()
      .default("offline"),
    updatedAt: at("updated_at").notNull().defaultNow(),
    /** When routing or a person last assigned this employee a question (fairness between equals). */
    lastAssignedAt: at("last_assigned_at"),
  },
  (t) => [index("employee_presence_tenant_idx").on(t.tenantId, t.presence)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    tenantId: tenantId(),
    teamId: uuid("team_id").notNull(),
    employeeId: uuid("employee_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.employeeId] }),
    index("team_members_employee_idx").on(t.employeeId),
  ],
);

/** Automated actors: chatbots, IVR (Klantinteracties: geautomatiseerde actor). */
export const bots = pgTable("bots", {
  id: id(),
  tenantId: tenantId(),
  name: text("name").notNull(),
  function: text("function").notNull(),
  createdAt: createdAt(),
});

/** Sessions for people live in the database so any node can serve any request. */
export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the session token; the token itself is only in the cookie. */
    tokenHash: text("token_hash").primaryKey(),
    tenantId: tenantId(),
    employeeId: uuid("employee_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    secondFactorDone: boolean("second_factor_done").notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("sessions_employee_idx").on(t.employeeId)],
);

/** Bearer tokens for systems. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash)],
);
