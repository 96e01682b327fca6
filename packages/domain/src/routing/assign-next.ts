/**
 * One routing engine for every channel (issue 4, point 5): which available employee takes which waiting
 * question next. Pure: the caller loads the facts and applies the assignments.
 */

export const PRESENCES = ["available", "busy", "away", "offline"] as const;
export type Presence = (typeof PRESENCES)[number];

/** Channels as capacity sees them: a call, a chat (live messaging), an email, anything else. */
export const LOAD_CHANNELS = ["phone", "chat", "email", "other"] as const;
export type LoadChannel = (typeof LOAD_CHANNELS)[number];

/**
 * What one open item of each channel takes of an employee's capacity (1.0). The default allows one
 * call, or three chats, or eight emails at once, or a mix that adds up to at most 1.
 */
export type Weights = Record<LoadChannel, number>;

export const DEFAULT_WEIGHTS: Weights = { phone: 1, chat: 1 / 3, email: 1 / 8, other: 1 / 8 };

export type Agent = {
  id: string;
  teamIds: readonly string[];
  /** `topicIds` empty means every topic (a generalist); languages are ISO 639-3 codes like "nld". */
  skills: { topicIds: readonly string[]; languages: readonly string[] };
  presence: Presence;
  /** Open items the agent holds now, per channel. */
  load: Record<LoadChannel, number>;
  /** When the agent was last given an item; null when never. Ties in load go to who waited longest. */
  lastAssignedAt: Date | null;
};

export type WorkItem = {
  questionId: string;
  /** Any contact channel; see `loadChannelOf`. */
  channel: string;
  topicId: string | null;
  language: string;
  teamId: string | null;
  dueAt: Date | null;
  waitingSince: Date;
  /** A sensitive topic or a confidential question (need-to-know): only for members of its team. */
  sensitive: boolean;
};

export type Assignment = { questionId: string; agentId: string; reason: string };

/** Rounding slack so that three chats of 1/3 fill an employee exactly. */
const EPSILON = 1e-9;

/** The capacity channel a contact channel counts against. */
export function loadChannelOf(channel: string): LoadChannel {
  switch (channel) {
    case "phone":
      return "phone";
    case "chat":
    case "whatsapp":
      return "chat";
    case "email":
      return "email";
    default:
      return "other";
  }
}

/** Reads configured weights: each a number in (0, 1]; anything missing or invalid follows the default. */
export function weightsFrom(configured: unknown): Weights {
  const source = (typeof configured === "object" && configured !== null ? configured : {}) as Record<
    string,
    unknown
  >;
  const weights = { ...DEFAULT_WEIGHTS };
  for (const channel of LOAD_CHANNELS) {
    const value = source[channel];
    if (typeof value === "number" && Number.isFinite(value) && value > 0 && value <= 1) {
      weights[channel] = value;
    }
  }
  return weights;
}

/** The share of capacity (1.0 is full) an agent's load takes. */
export function usedCapacity(load: Record<LoadChannel, number>, weights: Weights): number {
  return LOAD_CHANNELS.reduce((sum, channel) => sum + load[channel] * weights[channel], 0);
}

/** Skills, team and need-to-know: may this agent take this item at all (capacity aside)? */
export function mayTake(agent: Agent, item: WorkItem): boolean {
  if (item.teamId !== null && !agent.teamIds.includes(item.teamId)) return false;
  if (item.sensitive && (item.teamId === null || !agent.teamIds.includes(item.teamId))) return false;
  if (!agent.skills.languages.includes(item.language)) return false;
  if (item.topicId !== null && agent.skills.topicIds.length > 0) {
    return agent.skills.topicIds.includes(item.topicId);
  }
  return true;
}

/** Whether an item of this channel still fits within capacity 1.0 on top of `used`. */
export function fits(used: number, item: WorkItem, weights: Weights): boolean {
  return used + weights[loadChannelOf(item.channel)] <= 1 + EPSILON;
}

/**
 * The order items are served in: overdue first (most overdue first), then earliest due time, then
 * those without a due time; within each, longest waiting first; the question id settles the rest.
 */
export function compareItems(a: WorkItem, b: WorkItem, now: Date): number {
  const rank = (item: WorkItem) => (item.dueAt === null ? 2 : item.dueAt.getTime() <= now.getTime() ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0) ||
    a.waitingSince.getTime() - b.waitingSince.getTime() ||
    (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0)
  );
}

/** `turn` orders agents by who waited longest: their last assignment, then those assigned in this run. */
type State = { agent: Agent; used: number; load: Record<LoadChannel, number>; turn: [number, number] };

const earlier = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Assigns waiting items to available agents, most urgent item first, each to the least-loaded agent
 * that may take it and has room; ties go to the agent who waited longest since their last assignment.
 * Greedy in priority order, so an item is only passed over when no agent who may take it has room:
 * an older item never starves behind a younger one. The result does not depend on input order.
 */
export function assignNext(
  items: readonly WorkItem[],
  agents: readonly Agent[],
  weights: Weights,
  now: Date,
): Assignment[] {
  const states: State[] = [...agents]
    .filter((agent) => agent.presence === "available")
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((agent) => ({
      agent,
      used: usedCapacity(agent.load, weights),
      load: { ...agent.load },
      turn: [
        agent.lastAssignedAt === null ? Number.NEGATIVE_INFINITY : agent.lastAssignedAt.getTime(),
        0,
      ] as [number, number],
    }));
  const ordered = [...items].sort((a, b) => compareItems(a, b, now));
  const assignments: Assignment[] = [];
  let sequence = 0;
  for (const item of ordered) {
    let best: State | undefined;
    for (const state of states) {
      if (!mayTake(state.agent, item) || !fits(state.used, item, weights)) continue;
      if (!best || state.used < best.used - EPSILON) best = state;
      else if (Math.abs(state.used - best.used) <= EPSILON && earlier(state.turn, best.turn)) best = state;
    }
    if (!best) continue;
    const channel = loadChannelOf(item.channel);
    const before = best.used;
    best.load[channel] += 1;
    best.used = usedCapacity(best.load, weights);
    // Assigned in this run: after everyone's earlier assignments, in the order of this run.
    best.turn = [Number.POSITIVE_INFINITY, ++sequence];
    const urgency =
      item.dueAt === null
        ? "geen termijn"
        : item.dueAt <= now
          ? "termijn verstreken"
          : "eerstvolgende termijn";
    assignments.push({
      questionId: item.questionId,
      agentId: best.agent.id,
      reason: `${urgency}; minst belaste beschikbare medewerker met de juiste vaardigheden (bezetting ${round(before)} → ${round(best.used)}, ${channel})`,
    });
  }
  return assignments;
}
