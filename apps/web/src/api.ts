/**
 * The workspace talks only to /api/v1. The CSRF token of the session lives in memory (never in
 * storage): after a reload the employee logs in again.
 */

export type Problem = {
  status: number;
  title: string;
  detail: string;
  code?: string;
  invalidParams?: { name: string; code: string; reason: string }[];
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

let csrfToken: string | null = null;
let language: "nl" | "en" = "nl";

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function hasSession(): boolean {
  return csrfToken !== null;
}

/** After a page reload the session cookie is still there; ask the server for its CSRF token again. */
export async function restoreSession(): Promise<boolean> {
  if (csrfToken !== null) return true;
  try {
    const current = await api<{ csrfToken?: string }>("/sessions/current");
    if (!current.csrfToken) return false;
    csrfToken = current.csrfToken;
    return true;
  } catch {
    return false;
  }
}
export function setApiLanguage(value: "nl" | "en") {
  language = value;
}

const unsafe = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json", "accept-language": language };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (unsafe.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      title: language === "nl" ? "Geen verbinding" : "No connection",
      detail:
        language === "nl"
          ? "De server is niet bereikbaar. Probeer het zo opnieuw."
          : "The server cannot be reached. Please try again shortly.",
    });
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  const body: unknown = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = (typeof body === "object" && body !== null ? body : {}) as Partial<Problem>;
    throw new ApiError({
      status: response.status,
      title: problem.title ?? String(response.status),
      detail: problem.detail ?? (language === "nl" ? "Er ging iets mis." : "Something went wrong."),
      code: problem.code,
      invalidParams: problem.invalidParams,
    });
  }
  return body as T;
}

export type Session = {
  csrfToken: string;
  expiresAt: string;
  secondFactorRequired: boolean;
  employee: { id: string; name: string; roles: string[] };
};

export type InboxItem = {
  id: string;
  reference: string;
  topicId: string | null;
  status: string;
  confidential: boolean;
  teamId: string | null;
  employeeId: string | null;
  dueAt: string | null;
  openedAt: string;
  lastActivityAt: string | null;
  lastChannel: string | null;
  channels: string[];
  residentPartyId: string | null;
  residentName: string | null;
};

export type InboxPage = { items: InboxItem[]; nextCursor: string | null };

export type Interaction = {
  id: string;
  channel: string;
  direction: "inbound" | "outbound" | string;
  occurredAt: string;
  subject: string | null;
  text: string | null;
  attachments?: AttachmentSummary[];
};

export type Question = {
  id: string;
  reference: string;
  residentPartyId: string | null;
  status: string;
  topicId: string | null;
  dueAt: string | null;
  openedAt: string;
  interactions: Interaction[];
  tasks: QuestionTask[];
  mergedIntoId?: string | null;
  notes?: QuestionNote[];
  threadingSuggestions?: ThreadingSuggestion[];
  /** How the classifier decided the topic, when it looked at this question. */
  classification?: QuestionClassificationDecision | null;
};

export type QuestionClassificationDecision = {
  topicId: string | null;
  bestTopicId: string | null;
  confidence: number;
  language: string;
  reason: "model" | "language";
  words: Array<{ word: string; weight: number }>;
  at: string;
};

/** A task as the question view lists it (without the contact address; see Task for that). */
export type QuestionTask = {
  id: string;
  kind: "callback" | "back-office" | string;
  status: "open" | "done" | "cancelled" | string;
  teamId: string | null;
  dueAt: string | null;
  description: string;
  outcome: string | null;
  completedAt: string | null;
};

export type Task = QuestionTask & {
  questionId: string;
  questionReference: string;
  assigneeEmployeeId: string | null;
  overdue: boolean;
  contactChannel: string | null;
  contactAddress: string | null;
  createdAt: string;
};

export type TaskPage = { items: Task[]; nextCursor: string | null };

export type CompletedTask = Task & { reply: Reply | null };

export type ReplyChannelSuggestion = {
  channel: string | null;
  reason: string;
  reachable: string[];
  noDigitalContact: boolean;
};

export type Reply = {
  interactionId: string;
  channel: string;
  suggestedChannel: string | null;
  suggestionReason: string;
  overridden: boolean;
};

export type KnowledgeHit = { id: string; topicId: string | null; title: string; body: string; rank: number };

export type CannedText = { id: string; name: string; body: string };

/** Unresolved questions in one queue (team and status) that the employee may see. */
export type InboxCount = {
  teamId: string | null;
  teamName: string | null;
  status: string;
  count: number;
  overdue: number;
};

/** The question view: attachments, internal notes, threading suggestions, topic and status changes. */
export type AttachmentSummary = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  quarantined: boolean;
};

export type QuestionNote = {
  id: string;
  text: string;
  createdAt: string;
  employeeId: string;
  authorName: string | null;
};

export type ThreadingSuggestion = {
  id: string;
  reason: string;
  kind: "into-this-question" | "to-other-question";
  interactionId: string;
  questionId: string;
  questionReference: string;
  contact: {
    channel: string;
    direction: string;
    occurredAt: string;
    questionReference: string | null;
    subject: string | null;
    text: string | null;
  };
};

export type QuestionChanged = {
  questionId: string;
  topicId: string | null;
  status: string;
  teamId: string | null;
  employeeId: string | null;
  visibleToYou: boolean;
};

export type TopicOption = { id: string; nl: string; en: string };

/** One entry of a resident's timeline across all their questions (newest first). */
export type ResidentTimelineItem =
  | {
      kind: "interaction";
      at: string;
      interactionId: string;
      channel: string;
      direction: string;
      role: string;
      subject: string | null;
      text: string;
      question: { id: string; reference: string; topicId: string | null; status: string };
    }
  | {
      kind: "question-opened";
      at: string;
      questionId: string;
      reference: string;
      topicId: string | null;
      status: string;
    }
  | {
      kind: "task";
      at: string;
      taskId: string;
      questionId: string;
      taskKind: string;
      status: string;
      dueAt: string | null;
    };

export type ResidentTimelinePage = {
  items: ResidentTimelineItem[];
  hiddenCount: number;
  nextCursor: string | null;
};
