/** Answers of the admin API (apps/server/src/features/admin, features/knowledge), as the admin pages use them. */

export type AdminTopic = { id: string; nl: string; en: string };
export type AdminTopics = { topics: AdminTopic[]; channels: string[] };

export type AdminTeam = {
  id: string;
  name: string;
  topicIds: string[];
  isGeneral: boolean;
  memberIds: string[];
};
export type AdminTeamInput = { name: string; topicIds: string[]; isGeneral: boolean };

export const ADMIN_ROLES = [
  "agent",
  "back-office",
  "case-guide",
  "supervisor",
  "analyst",
  "privacy-officer",
  "admin",
] as const;

export type AdminEmployee = {
  id: string;
  name: string;
  email: string;
  roles: string[];
  skillTopicIds: string[];
  languages: string[];
  teamIds: string[];
  active: boolean;
};
export type AdminEmployeeChanges = { roles: string[]; skillTopicIds: string[]; languages: string[] };
/** The answer to adding an employee: the one-time password (and TOTP secret for admins), shown once. */
export type AddedEmployee = { id: string; email: string; password: string; totpSecret: string | null };

export const LOAD_CHANNELS = ["phone", "chat", "email", "other"] as const;
export type RoutingWeights = Record<(typeof LOAD_CHANNELS)[number], number>;
export type RoutingWeightsAnswer = { weights: RoutingWeights; defaults: RoutingWeights };

export type ServiceNorm = { topicId: string; channel: string; workingMinutes: number; label: string };
export type ServiceNormsAnswer = { items: ServiceNorm[]; defaults: ServiceNorm[] };

export type AdminWebForm = {
  id: string;
  title: { nl: string; en: string };
  topicId: string | null;
  url: string;
  enabled: boolean;
};

export type AdminKnowledgeAnswer = {
  id: string;
  topicId: string | null;
  title: string;
  body: string;
  updatedAt: string;
};
export type AdminCannedText = { id: string; name: string; body: string };

export type QuarantinedMessage = {
  id: string;
  channel: string;
  reason: string;
  receivedAt: string;
  summary: Record<string, unknown>;
};

export type DeadLetter = {
  id: string;
  type: string;
  interactionId: string | null;
  attempts: number;
  lastError: string | null;
  deadAt: string | null;
  createdAt: string;
};

export type Items<T> = { items: T[] };
