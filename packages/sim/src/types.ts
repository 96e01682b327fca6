/** The plain data a generation produces. Dates are Date objects; the loader and the ground-truth writer serialise them. */

export type SimChannel = "phone" | "webform" | "email" | "counter" | "chat" | "whatsapp" | "sms" | "letter";
export const SIM_CHANNELS: readonly SimChannel[] = [
  "phone",
  "webform",
  "email",
  "counter",
  "chat",
  "whatsapp",
  "sms",
  "letter",
];

export type Language = "nld" | "eng" | "pol" | "tur" | "ara";
export type DigitalSkill = "low" | "medium" | "high";
export type IdentifierKind = "bsn" | "rsin" | "kvk" | "email" | "phone" | "whatsapp";
export type Verification = "asserted-by-channel" | "login" | "code" | "counter-id-check" | "staff" | "import";
export type RepresentationKind = "parent" | "guardian" | "informal-carer" | "company-contact" | "other";
export type QuestionStatus =
  | "open"
  | "waiting-on-resident"
  | "waiting-on-municipality"
  | "resolved"
  | "reopened";
export type Role =
  | "agent"
  | "back-office"
  | "case-guide"
  | "supervisor"
  | "analyst"
  | "privacy-officer"
  | "admin";

export type GeneratedTenant = {
  id: string;
  slug: "voorbeeldstad";
  name: "Gemeente Voorbeeldstad";
  oin: string;
};

export type GeneratedTeam = { id: string; name: string; topicIds: string[]; isGeneral: boolean };

export type GeneratedEmployee = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  teamIds: string[];
  language: "nl" | "en";
};

export type GeneratedIdentifier = {
  id: string;
  kind: IdentifierKind;
  value: string;
  verification: Verification;
  verifiedAt: Date | null;
  verifiedByEmployeeId: string | null;
};

export type GeneratedDigitalAddress = {
  id: string;
  kind: "email" | "phone" | "whatsapp";
  address: string;
  isDefault: boolean;
  description: string | null;
  verifiedAt: Date | null;
};

export type PartyRole = "resident" | "organisation" | "representative" | "contact-person";

export type GeneratedParty = {
  id: string;
  role: PartyRole;
  kind: "person" | "organisation";
  identityLevel: "address-based" | "verified";
  displayName: string;
  givenName: string | null;
  familyNamePrefix: string | null;
  familyName: string | null;
  organisationName: string | null;
  /** YYYY-MM-DD. */
  birthDate: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  secret: boolean;
  identifiers: GeneratedIdentifier[];
  digitalAddresses: GeneratedDigitalAddress[];
  createdAt: Date;
};

export type GeneratedRepresentation = {
  id: string;
  representativePartyId: string;
  representedPartyId: string;
  kind: RepresentationKind;
  validFrom: Date;
  validUntil: Date | null;
};

export type GeneratedPreference = {
  partyId: string;
  preferredChannel: SimChannel | null;
  language: Language | null;
  needs: string[];
  noDigitalContact: boolean;
  updatedAt: Date;
};

export type GeneratedConsent = {
  id: string;
  partyId: string;
  purpose: "proactive-contact" | "satisfaction-survey";
  given: boolean;
  recordedAt: Date;
  source: SimChannel | "portal";
};

export type GeneratedQuestion = {
  id: string;
  /** Consecutive from 1000, in order of opening. */
  sequence: bigint;
  reference: string;
  residentPartyId: string;
  /** What the municipality recorded; null while unknown. The true topic is in the ground truth. */
  topicId: string | null;
  status: QuestionStatus;
  confidential: boolean;
  dueAt: Date | null;
  teamId: string;
  employeeId: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  lastActivityAt: Date;
};

/** How the contact found its question, as ingest would: the names match IngestResult.threading. */
export type Threading = "explicit" | "reference" | "thread-key" | "new";

export type GeneratedInteraction = {
  id: string;
  questionId: string;
  channel: SimChannel;
  direction: "inbound" | "outbound";
  occurredAt: Date;
  subject: string | null;
  text: string;
  language: Language;
  /** Unique per channel. */
  externalId: string;
  /** Email Message-ID to thread replies on; null on other channels. */
  threadKey: string | null;
  /** Message-IDs this email answers (not stored in a column; ingest uses it for threading). */
  inReplyTo: string[];
  employeeId: string | null;
  /** Inbound: who made contact (the resident, a representative or a company's contact person). */
  senderPartyId: string | null;
  /** Outbound: whom the municipality answered. */
  recipientPartyId: string | null;
  /** The resident or organisation the sender or recipient acts for. */
  actingForPartyId: string | null;
  actingForRelation: RepresentationKind | null;
  /** The channel address the contact came from or went to (caller id, email address), if any. */
  address: { kind: "email" | "phone" | "whatsapp"; value: string } | null;
  /** Topic the channel itself knew (form choice, IVR menu); inbound only. */
  channelTopicId: string | null;
  /** Inbound: how it was threaded. Outbound: always "explicit". */
  threading: Threading;
  /** Inbound webform or counter: the resident proved who they are (DigiD, ID check). */
  authenticated: boolean;
  deliveryStatus: "delivered" | "failed" | null;
};

export type GeneratedTask = {
  id: string;
  questionId: string;
  causeInteractionId: string | null;
  kind: "callback" | "back-office";
  status: "open" | "done" | "cancelled";
  teamId: string;
  assigneeEmployeeId: string | null;
  dueAt: Date;
  contactChannel: SimChannel | null;
  contactAddress: string | null;
  description: string;
  outcome: string | null;
  createdAt: Date;
  completedAt: Date | null;
};

export type LifeEventKind =
  | "move"
  | "job-loss"
  | "death-in-family"
  | "new-baby"
  | "care-need"
  | "business-start"
  | "money-worries";

export type StuckReason =
  | "repeat-contacts"
  | "channel-hopping"
  | "broken-callback"
  | "gave-up"
  | "never-answered"
  | "reopened"
  | "long-wait";

export type GroundTruthCase = {
  caseId: string;
  trueTopicId: string;
  needId: string | null;
  lifeEventIndex: number | null;
  startedAt: Date;
  questionIds: string[];
  contacts: number;
  channels: SimChannel[];
  outcome: "resolved" | "unresolved" | "gave-up";
  stuck: boolean;
  stuckReasons: StuckReason[];
};

export type GroundTruthResident = {
  partyId: string;
  profile: {
    background: string;
    age: number;
    district: string;
    language: Language;
    digitalSkill: DigitalSkill;
    daytimeAvailability: number;
    habits: Record<SimChannel, number>;
    lowIncome: boolean;
    representedBy: string | null;
  };
  lifeEvents: Array<{ kind: LifeEventKind; needId: string | null; at: Date }>;
  stuck: boolean;
  stuckReasons: StuckReason[];
  cases: GroundTruthCase[];
};

export type GroundTruth = {
  seed: string;
  window: { start: Date; end: Date };
  residents: GroundTruthResident[];
  /** Per generated question: what it was really about. */
  questions: Record<string, { caseId: string; trueTopicId: string; needId: string | null }>;
};

export type GeneratedMunicipality = {
  options: { seed: string; residents: number; months: number; endDate: Date; start: Date };
  tenant: GeneratedTenant;
  teams: GeneratedTeam[];
  employees: GeneratedEmployee[];
  parties: GeneratedParty[];
  representations: GeneratedRepresentation[];
  preferences: GeneratedPreference[];
  consents: GeneratedConsent[];
  questions: GeneratedQuestion[];
  interactions: GeneratedInteraction[];
  tasks: GeneratedTask[];
  groundTruth: GroundTruth;
};
