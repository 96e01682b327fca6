/**
 * The routes an anonymous caller may use, each with its reason (DESIGN §5). Everything else refuses an
 * anonymous caller; a test walks the router's own route table against this list.
 */
export const PUBLIC_ROUTES: ReadonlyArray<{ method: string; path: string; reason: string }> = [
  { method: "GET", path: "/health", reason: "Liveness check for load balancers; reveals nothing." },
  { method: "GET", path: "/api/v1/health", reason: "Liveness and database check; reveals nothing." },
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    reason: "NL API Design Rules: the OpenAPI document is public.",
  },
  { method: "POST", path: "/api/v1/sessions", reason: "Login: creates a session from a password." },
  {
    method: "POST",
    path: "/api/v1/sessions/second-factor",
    reason: "Login step two: the TOTP code for a half-open session.",
  },
  {
    method: "POST",
    path: "/channels/sms/twilio",
    reason: "Channel endpoint that verifies a signature: Twilio-signed inbound SMS.",
  },
  {
    method: "POST",
    path: "/channels/sms/twilio/status",
    reason: "Channel endpoint that verifies a signature: Twilio-signed SMS status callbacks.",
  },
  {
    method: "GET",
    path: "/channels/whatsapp",
    reason: "WhatsApp subscription check: answers only to a configured verify token; reveals nothing.",
  },
  {
    method: "POST",
    path: "/channels/whatsapp",
    reason:
      "Channel endpoint that verifies a signature: WhatsApp Cloud API deliveries (X-Hub-Signature-256).",
  },
  {
    method: "POST",
    path: "/channels/phone/cti",
    reason:
      "Channel endpoint that verifies a signature: call events from the telephony platform (X-Omniloket-Signature).",
  },
  {
    method: "GET",
    path: "/formulieren/stijl.css",
    reason: "Stylesheet of the resident-facing forms; static, reveals nothing.",
  },
  {
    method: "GET",
    path: "/formulieren/{gemeente}/{formId}",
    reason: "Resident-facing form with rate limit: renders an empty form with a signed token.",
  },
  {
    method: "POST",
    path: "/formulieren/{gemeente}/{formId}",
    reason: "Resident-facing form with rate limit: needs its signed token and a same-site origin.",
  },
  {
    method: "GET",
    path: "/formulieren/{gemeente}/{formId}/bevestiging",
    reason: "Resident-facing confirmation with rate limit: shows the reference from the URL, nothing stored.",
  },
  {
    method: "GET",
    path: "/chat/widget.js",
    reason:
      "Script of the web chat widget that municipalities embed on their sites; static, cacheable, no data.",
  },
  ...[
    "/chat/{gemeente}/settings",
    "/chat/{gemeente}/sessions",
    "/chat/{gemeente}/sessions/{sessionId}/{action}",
  ].map((path) => ({
    method: "OPTIONS",
    path,
    reason: "CORS preflight of the web chat: answered only for the municipality's configured origins.",
  })),
  {
    method: "GET",
    path: "/chat/{gemeente}/settings",
    reason:
      "Web chat start screen: the topic list and whether anyone is free; CORS per municipality, no personal data.",
  },
  {
    method: "POST",
    path: "/chat/{gemeente}/sessions",
    reason:
      "Web chat for residents (anonymous by default): starts one chat and returns its bearer token; rate limit per address, CORS per municipality.",
  },
  ...[
    ["POST", "messages", "a visitor's message (plain text, size and rate limits)"],
    ["GET", "events", "the visitor's live stream of their own chat"],
    ["POST", "_identify", "sends a code to an email address the visitor gives"],
    ["POST", "_verify", "checks that code (hashed, 10 minutes, 5 attempts)"],
    [
      "GET",
      "questions",
      "the identified visitor's own open questions (reference and topic only; none confidential or sensitive), audited",
    ],
    ["POST", "_continue", "the identified visitor continues one of those questions in this chat"],
    ["POST", "_end", "the visitor ends their chat"],
    ["POST", "_transcript", "emails the visitor their own transcript"],
    ["POST", "_leave-message", "leaves a message to be answered by email when nobody is free"],
    ["POST", "_callback", "asks for a callback in a chosen slot when nobody is free"],
  ].map(([method, action, what]) => ({
    method: method as string,
    path: `/chat/{gemeente}/sessions/{sessionId}/${action}`,
    reason: `Web chat visitor route that needs the chat's own bearer token (from starting the chat): ${what}.`,
  })),
  {
    method: "GET",
    path: "/demo/postvak",
    reason:
      "Demo mailbox: exists only in demo mode without an SMTP relay, and answers only loopback clients (404 to anyone else); never cached.",
  },
  {
    method: "GET",
    path: "/toegankelijkheid",
    reason: "Accessibility statement of the resident-facing pages; static text, no data.",
  },
  ...[
    ["GET", "/mijn/{gemeente}", "redirects to the resident's questions or the login page"],
    ["GET", "/mijn/{gemeente}/inloggen", "the login form with a signed form token"],
    [
      "POST",
      "/mijn/{gemeente}/inloggen",
      "sends a one-time code to the given email address, or by SMS to the given mobile number (form token, same origin, rate limit per client and per address)",
    ],
    ["GET", "/mijn/{gemeente}/inloggen/code", "the form to type the emailed code"],
    [
      "GET",
      "/mijn/{gemeente}/volgen",
      "the form to follow a question by its reference and follow code, without logging in; holds no data",
    ],
    [
      "POST",
      "/mijn/{gemeente}/volgen",
      "shows one question's status and the municipality's messages to whoever holds its reference and follow code (an HMAC, compared in constant time; a wrong pair answers as a missing one; form token, same origin, rate limit per client; audited)",
    ],
    [
      "POST",
      "/mijn/{gemeente}/volgen/bericht",
      "the holder of a question's reference and follow code adds a message to that question through ingest (form token, same origin, rate limit per client)",
    ],
    [
      "GET",
      "/mijn/{gemeente}/inloggen/digid",
      "starts a DigiD login at the configured OpenID Connect provider (state, nonce and PKCE in a signed cookie); 404 when not configured",
    ],
    [
      "GET",
      "/mijn/{gemeente}/inloggen/digid/terug",
      "the provider's answer: checks state, then the code and ID token with the provider, and starts a resident session",
    ],
    [
      "GET",
      "/mijn/{gemeente}/koppelen",
      "shows the logged-in resident what joining the records they proved by code would bring (session, signed offer)",
    ],
    [
      "POST",
      "/mijn/{gemeente}/koppelen",
      "joins those records only when the resident confirms (session, CSRF token, same origin, rate limit)",
    ],
    ["GET", "/mijn/{gemeente}/koppelen/adres", "the logged-in resident's form to link an email address"],
    [
      "POST",
      "/mijn/{gemeente}/koppelen/adres",
      "sends a one-time code to the email address the resident wants to link (session, CSRF token, rate limit per client and per address)",
    ],
    ["GET", "/mijn/{gemeente}/koppelen/code", "the logged-in resident's form to type that code"],
    [
      "POST",
      "/mijn/{gemeente}/koppelen/code",
      "checks the code (hashed, single use, 5 attempts) and offers the address's records for joining (session, CSRF token)",
    ],
    [
      "POST",
      "/mijn/{gemeente}/inloggen/code",
      "checks the code (hashed, 10 minutes, single use, 5 attempts, rate limit) and starts a resident session",
    ],
    [
      "POST",
      "/mijn/{gemeente}/uitloggen",
      "ends the resident's own session (session cookie and its CSRF token)",
    ],
    [
      "GET",
      "/mijn/{gemeente}/vragen",
      "the logged-in resident's own questions; redirects to login without a session",
    ],
    [
      "GET",
      "/mijn/{gemeente}/vragen/{questionId}",
      "one question of the logged-in resident or whom they represent; 404 for anything else",
    ],
    [
      "POST",
      "/mijn/{gemeente}/vragen/{questionId}/bericht",
      "the resident writes into their own question (session, CSRF token, same origin, rate limit); 404 for anything else",
    ],
    [
      "POST",
      "/mijn/{gemeente}/vragen/{questionId}/terugbellen",
      "the resident asks for a call back in an offered slot on their own question (session, CSRF token); 404 for anything else",
    ],
    [
      "POST",
      "/mijn/{gemeente}/vragen/{questionId}/chat",
      "the resident opens the web chat about their own question (session, CSRF token, rate limit); the page hands the widget that chat's token; 404 for anything else",
    ],
    [
      "POST",
      "/mijn/{gemeente}/vragen/{questionId}/kanaal",
      "the resident chooses the reply channel of their own question (session, CSRF token); 404 for anything else",
    ],
    [
      "POST",
      "/mijn/{gemeente}/vragen/{questionId}/geholpen",
      'the resident answers "Heeft dit u geholpen?" on their own resolved question (session, CSRF token); 404 for anything else',
    ],
    [
      "GET",
      "/mijn/{gemeente}/vragen/{questionId}/afspraak",
      "choose a counter and a free time for an appointment about the resident's own question; 404 for anything else",
    ],
    [
      "POST",
      "/mijn/{gemeente}/vragen/{questionId}/afspraak",
      "the resident books a counter appointment for their own question (session, CSRF token, rate limit); 404 for anything else",
    ],
    ["GET", "/mijn/{gemeente}/afspraken", "the logged-in resident's own counter appointments"],
    [
      "GET",
      "/mijn/{gemeente}/afspraken/{appointmentId}",
      "one of the resident's own appointments (the confirmation); 404 for anything else",
    ],
    [
      "POST",
      "/mijn/{gemeente}/afspraken/{appointmentId}/afzeggen",
      "the resident cancels their own appointment (session, CSRF token); 404 for anything else",
    ],
    [
      "GET",
      "/mijn/{gemeente}/afspraken/{appointmentId}/verzetten",
      "choose a new time for the resident's own appointment; 404 for anything else",
    ],
    [
      "POST",
      "/mijn/{gemeente}/afspraken/{appointmentId}/verzetten",
      "the resident moves their own appointment to another free time (session, CSRF token); 404 for anything else",
    ],
    ["GET", "/mijn/{gemeente}/voorkeuren", "the logged-in resident's own contact preferences"],
    [
      "POST",
      "/mijn/{gemeente}/voorkeuren",
      "the resident saves their own general contact preferences (session, CSRF token)",
    ],
    [
      "POST",
      "/mijn/{gemeente}/voorkeuren/onderwerp",
      "the resident saves their own channel preference for one topic (session, CSRF token)",
    ],
    ["GET", "/mijn/{gemeente}/toestemming", "the logged-in resident's own consents per purpose"],
    [
      "POST",
      "/mijn/{gemeente}/toestemming",
      "the resident gives or withdraws their own consent for one purpose (session, CSRF token)",
    ],
    ["GET", "/mijn/{gemeente}/inzage", "the logged-in resident's own inzage (GDPR art. 15)"],
    ["GET", "/mijn/{gemeente}/inzage.json", "the resident's own inzage as JSON; 404 without their session"],
    ["GET", "/mijn/{gemeente}/inzage.pdf", "the resident's own inzage as PDF; 404 without their session"],
    ["GET", "/mijn/{gemeente}/inzage/verzoek", "the form to ask for correction or erasure"],
    [
      "POST",
      "/mijn/{gemeente}/inzage/verzoek",
      "the resident asks for correction or erasure of their own data (session, CSRF token)",
    ],
  ].map(([method, path, what]) => ({
    method: method as string,
    path: path as string,
    reason: `Residents' portal: its own resident session, not an employee's (portal/): ${what}.`,
  })),
  {
    method: "GET",
    path: "/werkplek",
    reason: "Redirect to the agent workspace shell (/werkplek/); reveals nothing.",
  },
  ...[
    "/werkplek/",
    "/werkplek/inloggen",
    "/werkplek/inbox",
    "/werkplek/vragen/{questionId}",
    "/werkplek/taken",
    "/werkplek/supervisie",
    "/werkplek/casusregie",
    "/werkplek/beheer",
    "/werkplek/beheer/{section}",
  ].map((path) => ({
    method: "GET",
    path,
    reason:
      "Static shell of the agent workspace (the same index.html): holds no personal data; its data comes from the authenticated API.",
  })),
  {
    method: "GET",
    path: "/werkplek/assets/{file}",
    reason: "Static, content-hashed scripts and styles of the agent workspace; hold no personal data.",
  },
];

function toRegExp(path: string): RegExp {
  const pattern = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{[^}]+\\\}|:[A-Za-z]+/g, "[^/]+");
  return new RegExp(`^${pattern}$`);
}

const compiled = PUBLIC_ROUTES.map((r) => ({ method: r.method, re: toRegExp(r.path) }));

export function isPublicRoute(method: string, path: string): boolean {
  const m = method === "HEAD" ? "GET" : method;
  return compiled.some((r) => r.method === m && r.re.test(path));
}
