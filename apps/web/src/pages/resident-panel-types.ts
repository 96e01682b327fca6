/** GET /residents/{partyId} and GET /residents/{partyId}/merge-suggestions, as the resident panel uses them. */

export type Representation = {
  representationId: string;
  partyId: string;
  displayName: string | null;
  basis: string;
  validFrom: string;
  validUntil: string | null;
  current: boolean;
};

export type ResidentIdentifier = {
  id: string;
  kind: string;
  value: string;
  masked: boolean;
  verified: boolean;
  verification: string;
  verifiedAt: string | null;
  verifiedBy: string | null;
  since: string;
};

export type UndoableMerge = {
  mergeId: string;
  kind: "merge" | "join-verified";
  /** absorbed: the other party was merged into this one; merged-into: this party was merged into the other. */
  role: "absorbed" | "merged-into";
  otherPartyId: string;
  otherDisplayName: string | null;
  reason: string;
  mergedAt: string;
};

export type ResidentProfile = {
  id: string;
  kind: "person" | "organisation";
  identityLevel: "address-based" | "verified";
  displayName: string | null;
  address: string | null;
  postcode: string | null;
  city: string | null;
  birthDate: string | null;
  secret: boolean;
  mergedIntoId: string | null;
  identifiers: ResidentIdentifier[];
  digitalAddresses: Array<{
    id: string;
    kind: string;
    address: string;
    isDefault: boolean;
    description: string | null;
    verifiedAt: string | null;
  }>;
  representedBy: Representation[];
  represents: Representation[];
  preferences: {
    preferredChannel: string | null;
    language: string | null;
    needs: string[];
    noDigitalContact: boolean;
  } | null;
  topicChannelPreferences: Array<{ topicId: string; channel: string }>;
  consents: Array<{ purpose: string; granted: boolean; recordedAt: string; source: string }>;
  openQuestions: Array<{
    id: string;
    reference: string;
    topicId: string | null;
    status: string;
    dueAt: string | null;
  }>;
  hiddenQuestionCount: number;
  openTasks: Array<{
    id: string;
    questionId: string;
    questionReference: string;
    kind: string;
    description: string;
    dueAt: string | null;
    overdue: boolean;
  }>;
  merges: UndoableMerge[];
};

export type MergeSuggestion = {
  partyId: string;
  displayName: string | null;
  identityLevel: "address-based" | "verified";
  reasons: string[];
  score: number;
};
