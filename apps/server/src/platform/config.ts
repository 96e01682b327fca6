import { randomBytes } from "node:crypto";
import { join } from "node:path";

/** Settings come from environment variables; each is documented in the README. */
export type Config = {
  port: number;
  host: string;
  /** PostgreSQL connection; when absent Omniloket runs on embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  bodyLimitBytes: number;
  sessionTtlMinutes: number;
  /** Days within which an open question on the same topic is offered as a threading suggestion. */
  threadingSuggestionDays: number;
  logLevel: string;
  /** true: load the demo even on PostgreSQL; false: never; null: only in embedded mode. */
  demo: boolean | null;
  /** Size of the demo municipality loaded on the first start. */
  demoResidents: number;
  /** Port of the built-in SMTP server for inbound email; 0 turns it off. */
  smtpPort: number;
  smtpHost: string;
  /** SMTP relay for outbound email, e.g. smtp://127.0.0.1:25; null: no outbound email. */
  smtpRelayUrl: string | null;
  /** Largest attachment kept per file; larger email attachments are dropped and noted. */
  attachmentMaxBytes: number;
  /** Seconds between passes over the municipalities' IMAP mailboxes; 0 turns polling off. */
  imapIntervalSeconds: number;
  /**
   * Seconds between sweeps of the routing worker, which also routes right after each contact and each
   * employee who becomes available; 0 turns automatic routing off (assignment by hand or /routing/_run).
   */
  routingSweepSeconds: number;
  /**
   * Web chat: requests a client address may make per minute (also the burst). Raise it when many
   * residents chat from behind one address (a library, a shared connection).
   */
  chatRequestsPerAddressPerMinute: number;
  /** Web chat: a waiting chat whose visitor has been gone this long is ended (0 = never). */
  chatAbandonMinutes: number;
  /**
   * Signals (issue 7): hours between full rescans of every municipality by the signals worker, which
   * also evaluates a resident's signals right after each new contact; 0 turns the worker off.
   */
  signalsRescanHours: number;
  /**
   * Counter appointments: minutes between passes of the appointments worker (slots generated from each
   * counter's weekly pattern for the weeks ahead, reminders the day before); 0 turns the worker off.
   */
  appointmentSweepMinutes: number;
  /** Sets the topic of new questions whose topic is unknown with the topic classifier (off: 0). */
  classifyTopics: boolean;
  /** Signs the hidden token of public web forms; random per start when unset (open forms then expire). */
  formSecret: string;
  /** The public base URL (https://omniloket.example.nl); the portal's OpenID Connect redirect URL is derived from it. */
  publicUrl: string | null;
  /** Portal login with OpenID Connect (DigiD or eHerkenning through a broker); null: login by code only. */
  oidc: OidcConfig | null;
};

export type OidcConfig = {
  issuer: string;
  clientId: string;
  /** null: a public client (PKCE only). */
  clientSecret: string | null;
  /** The ID token claim that holds the BSN ("sub" by default; some brokers use their own claim). */
  bsnClaim: string;
};

function oidcFrom(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OMNILOKET_OIDC_ISSUER?.trim();
  const clientId = env.OMNILOKET_OIDC_CLIENT_ID?.trim();
  if (!issuer && !clientId) return null;
  if (!issuer || !clientId)
    throw new Error("Zet OMNILOKET_OIDC_ISSUER en OMNILOKET_OIDC_CLIENT_ID allebei, of geen van beide.");
  if (!URL.canParse(issuer)) throw new Error(`Ongeldige waarde voor OMNILOKET_OIDC_ISSUER: "${issuer}".`);
  return {
    issuer,
    clientId,
    clientSecret: env.OMNILOKET_OIDC_CLIENT_SECRET || null,
    bsnClaim: env.OMNILOKET_OIDC_BSN_CLAIM?.trim() || "sub",
  };
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Ongeldige waarde voor ${name}: "${raw}" (verwacht een geheel getal).`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env, "PORT", 8080),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.OMNILOKET_DATA_DIR || join(process.cwd(), "data"),
    bodyLimitBytes: intFrom(env, "OMNILOKET_BODY_LIMIT_BYTES", 1_000_000),
    sessionTtlMinutes: intFrom(env, "OMNILOKET_SESSION_TTL_MINUTES", 480),
    threadingSuggestionDays: intFrom(env, "OMNILOKET_THREADING_SUGGESTION_DAYS", 14),
    logLevel: env.LOG_LEVEL ?? "info",
    demoResidents: intFrom(env, "OMNILOKET_DEMO_RESIDENTS", 5000),
    smtpPort: intFrom(env, "OMNILOKET_SMTP_PORT", 2525),
    smtpHost: env.OMNILOKET_SMTP_HOST || env.HOST || "127.0.0.1",
    smtpRelayUrl: env.OMNILOKET_SMTP_RELAY_URL || null,
    attachmentMaxBytes: intFrom(env, "OMNILOKET_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024),
    formSecret: env.OMNILOKET_FORM_SECRET || randomBytes(32).toString("base64url"),
    publicUrl: env.OMNILOKET_PUBLIC_URL?.replace(/\/+$/, "") || null,
    oidc: oidcFrom(env),
    imapIntervalSeconds: intFrom(env, "OMNILOKET_IMAP_INTERVAL_SECONDS", 60),
    routingSweepSeconds: intFrom(env, "OMNILOKET_ROUTING_SWEEP_SECONDS", 30),
    chatRequestsPerAddressPerMinute: Math.max(
      1,
      intFrom(env, "OMNILOKET_CHAT_REQUESTS_PER_ADDRESS_PER_MINUTE", 60),
    ),
    chatAbandonMinutes: intFrom(env, "OMNILOKET_CHAT_ABANDON_MINUTES", 5),
    signalsRescanHours: intFrom(env, "OMNILOKET_SIGNALS_RESCAN_HOURS", 6),
    appointmentSweepMinutes: intFrom(env, "OMNILOKET_APPOINTMENT_SWEEP_MINUTES", 10),
    classifyTopics: env.OMNILOKET_CLASSIFY_TOPICS !== "0",
    demo:
      env.OMNILOKET_DEMO === undefined || env.OMNILOKET_DEMO === ""
        ? null
        : ["1", "true", "yes"].includes(env.OMNILOKET_DEMO),
  };
}
