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
  /** Set when ingest added this address to a known party at a contact (asserted by the channel); null when known before. */
  createdByInteractionId: string | null;
  /** When ingest added it; null when known before. */
  createdAt: Date | null;
};

export type GeneratedDigitalAddress = {
  id: string;
  kind: "email" | "phone" | "whatsapp";
  address: string;
  isDefault: boolean;
  description: string | null;
  verifiedAt: Date | null;
};

/** "named-in-contact": a party ingest created for someone a representative named but who could not be found. */
export type PartyRole =
  | "resident"
  | "organisation"
  | "representative"
  | "contact-person"
  | "named-in-contact";

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
  /** Set for a party ingest created at that contact (known only by what the contact said); null when known before. */
  createdByInteractionId: string | null;
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
  /** As ingest recorded it: the represented party or the sender; null when the opening contact was anonymous. */
  residentPartyId: string | null;
  /** The topic the channel or staff gave when it was opened (as ingest records it); null when unknown. The true topic is in the ground truth. */
  topicId: string | null;
  status: QuestionStatus;
  confidential: boolean;
  dueAt: Date | null;
  /** Routed by topic at opening (the general team for an unknown topic), as ingest does. */
  teamId: string;
  employeeId: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  lastActivityAt: Date;
  /**
   * Its status history as the simulation ran it, in time order: every change to a status other than the
   * one before (the opening "open" is not a change). The last one's `to` is `status`. Neither the
   * contact nor the employee behind a change is kept, so the rows carry neither.
   */
  statusChanges: GeneratedStatusChange[];
};

export type GeneratedStatusChange = { from: QuestionStatus; to: QuestionStatus; at: Date };

/** How the contact found its question, as ingest would: the names match IngestResult.threading. */
export type Threading = "explicit" | "reference" | "thread-key" | "new";

export type IdentifierInput = { kind: IdentifierKind; value: string };

/**
 * Who Omniloket records as taking part, as ingest decides it (Betrokkene): the party the sender's
 * identifiers lead to (null when anonymous) and, for a representative, the party they act for.
 */
export type RecordedInvolvement = {
  partyId: string | null;
  representedPartyId: string | null;
  /** The name the contact gave (kept on the involvement, also when anonymous). */
  contactName: string | null;
};

export type GeneratedThreadingSuggestion = {
  id: string;
  interactionId: string;
  questionId: string;
  reason: "reference-from-other-party" | "same-topic-open-question";
  createdAt: Date;
};

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
  /** Inbound: who really made contact (the resident, a representative or a company's contact person). Ground truth. */
  senderPartyId: string | null;
  /** Outbound: whom the municipality really answered. Ground truth. */
  recipientPartyId: string | null;
  /** The resident or organisation the sender or recipient really acts for. Ground truth. */
  actingForPartyId: string | null;
  actingForRelation: RepresentationKind | null;
  /** The channel address the contact came from or went to (caller id, email address), if any. */
  address: { kind: "email" | "phone" | "whatsapp"; value: string } | null;
  /** Inbound: what the channel (or the staff member registering it) knows of the sender; empty when anonymous. */
  senderIdentifiers: IdentifierInput[];
  /** Inbound: what the channel knows of the party acted for (KvK, BSN); empty when only a name was given. */
  actingForIdentifiers: IdentifierInput[];
  /** Who Omniloket records for this contact, as ingest decides it from the identifiers above. */
  involvement: RecordedInvolvement;
  /** Inbound: the topic the channel (form, IVR menu) or the staff member registering it gave; null otherwise. */
  channelTopicId: string | null;
  /** Inbound: marked confidential when registered (only matters when it opens a question). */
  confidential: boolean;
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
  /** Per generated question: what it was really about, and whose it really is. */
  questions: Record<
    string,
    { caseId: string; trueTopicId: string; needId: string | null; residentPartyId: string }
  >;
  /**
   * Inbound contacts Omniloket could not attribute to who really made them (anonymous, or a representative
   * acting for someone ingest recorded as a new party known only by name): who it really was.
   */
  contacts: Record<string, { senderPartyId: string; actingForPartyId: string | null }>;
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
  /** What ingest suggests when it opens a new question (DESIGN §5: a reference from someone else, an open question on the same topic). */
  threadingSuggestions: GeneratedThreadingSuggestion[];
  groundTruth: GroundTruth;
};
