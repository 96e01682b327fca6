import type { Channel } from "../channels";
import { defaultWorkingCalendar, type WorkingCalendar } from "../working-time/working-calendar";
import { addWorkingMinutes } from "../working-time/working-minutes";

/** How long a question on a topic and channel may take, in working minutes; "*" matches any. */
export type ServiceNorm = {
  topicId: string | "*";
  channel: Channel | "*";
  workingMinutes: number;
  /** Shown to staff and residents, so written in Dutch by whoever configures it. */
  label: string;
};

export type DueDate = { dueAt: Date; norm: ServiceNorm };

/**
 * The norm that applies to a topic and channel. The most specific wins: topic and channel, then
 * topic with any channel, then any topic with the channel, then the catch-all. Among equally
 * specific norms the first in the list wins. An unknown topic (null) matches only "*" topics.
 */
export function findServiceNorm(
  norms: readonly ServiceNorm[],
  topicId: string | null,
  channel: Channel,
): ServiceNorm | null {
  let best: ServiceNorm | null = null;
  let bestScore = -1;
  for (const norm of norms) {
    const score = specificity(norm, topicId, channel);
    if (score > bestScore) {
      best = norm;
      bestScore = score;
    }
  }
  return best;
}

/** When the question received at `receivedAt` is due, or null when no norm applies. */
export function computeDueAt(
  receivedAt: Date,
  norms: readonly ServiceNorm[],
  topicId: string | null,
  channel: Channel,
  calendar: WorkingCalendar = defaultWorkingCalendar,
): DueDate | null {
  const norm = findServiceNorm(norms, topicId, channel);
  if (norm === null) return null;
  return { dueAt: addWorkingMinutes(receivedAt, norm.workingMinutes, calendar), norm };
}

// -1: does not match; otherwise 2 for a topic match plus 1 for a channel match.
function specificity(norm: ServiceNorm, topicId: string | null, channel: Channel): number {
  const topicMatches = norm.topicId === "*" || norm.topicId === topicId;
  const channelMatches = norm.channel === "*" || norm.channel === channel;
  if (!topicMatches || !channelMatches) return -1;
  return (norm.topicId === "*" ? 0 : 2) + (norm.channel === "*" ? 0 : 1);
}
