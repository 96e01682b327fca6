import type { Case } from "./cases";
import type { GeneratedTask, SimChannel, StuckReason } from "./types";
import type { Thread, World } from "./world";

/** "closed": a report (melding) is dealt with and closed with an automatic status message, not a contact. */
export type AnswerKind = "answer" | "ask-info" | "closed";

export type SimEvent =
  | {
      type: "contact";
      at: number;
      channel: SimChannel;
      mode: "first" | "repeat" | "reopen" | "info-reply";
      /** Email Message-ID this contact replies to, if the resident hits "reply". */
      replyKey: string | null;
    }
  | {
      type: "answer";
      at: number;
      thread: Thread;
      channel: SimChannel;
      kind: AnswerKind;
      task: GeneratedTask | null;
      inReplyTo: string | null;
    }
  | { type: "callback"; at: number; thread: Thread; task: GeneratedTask | null; attempt: number }
  | { type: "check"; at: number; contactIndex: number }
  | { type: "close-duplicate"; at: number; thread: Thread };

/** The state of one case while it runs. */
export type Run = {
  world: World;
  c: Case;
  queue: SimEvent[];
  threads: Thread[];
  tasks: GeneratedTask[];
  /** Contacts from the resident so far (the next one gets number contacts + 1). */
  contacts: number;
  lastContactAt: number;
  /** Last time the resident actually received an answer or a request for information. */
  lastAnswerAt: number;
  /** Until when the resident was promised an answer (a callback, "you will hear within five days"); they wait at least that long. */
  promisedUntil: number;
  firstContactAt: number | null;
  firstAnswerAt: number | null;
  resolvedAt: number | null;
  reopenedOnce: boolean;
  gaveUp: boolean;
  channels: SimChannel[];
  previousChannel: SimChannel | null;
  /** The thread whose reference the resident would quote. */
  knownThread: Thread | null;
  lastEmail: { key: string; subject: string | null } | null;
  reasons: Set<StuckReason>;
};

export function schedule(run: Run, event: SimEvent): void {
  // Channels record whole seconds.
  event.at = Math.round(event.at / 1000) * 1000;
  if (event.at >= run.world.calendar.endMs) return;
  // Keep the queue sorted by time; equal times keep their order of scheduling.
  let i = run.queue.length;
  while (i > 0 && (run.queue[i - 1] as SimEvent).at > event.at) i--;
  run.queue.splice(i, 0, event);
}

export function completeTask(task: GeneratedTask, at: number, outcome: string): void {
  task.status = "done";
  task.completedAt = new Date(at);
  task.outcome = outcome;
}
