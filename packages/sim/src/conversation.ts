import { handleAnswer } from "./answers";
import { contactMoment, firstChannel, nextChannel } from "./behaviour";
import type { Case } from "./cases";
import { DAY } from "./clock";
import { contact } from "./contact";
import { chance, logNormal } from "./random";
import { type Run, type SimEvent, schedule } from "./run-state";
import { handleCallback } from "./tasks";
import type { OnBehalf } from "./texts/inbound";
import type { GroundTruthCase, StuckReason } from "./types";
import { setStatus, statusAt, type World } from "./world";

/** Plays one case through time: contacts, answers, callbacks, repeats, until it is settled, abandoned or the window ends. */
export function runCase(world: World, c: Case, onBehalf: OnBehalf | null): GroundTruthCase {
  const run: Run = {
    world,
    c,
    queue: [],
    threads: [],
    tasks: [],
    contacts: 0,
    lastContactAt: 0,
    lastAnswerAt: -1,
    promisedUntil: 0,
    firstContactAt: null,
    firstAnswerAt: null,
    resolvedAt: null,
    reopenedOnce: false,
    gaveUp: false,
    channels: [],
    previousChannel: null,
    knownThread: null,
    lastEmail: null,
    reasons: new Set(),
  };
  const channel = firstChannel(world.rng, c.actor, c.topicId);
  schedule(run, {
    type: "contact",
    at: contactMoment(world.rng, world.calendar, c.startMs, channel, c.actor),
    channel,
    mode: "first",
    replyKey: null,
  });
  for (let event = run.queue.shift(); event; event = run.queue.shift()) {
    if (event.at >= world.calendar.endMs) break;
    dispatch(run, event, onBehalf);
  }
  return summarise(run);
}

function dispatch(run: Run, event: SimEvent, onBehalf: OnBehalf | null): void {
  switch (event.type) {
    case "contact":
      contact(run, event, onBehalf);
      break;
    case "answer":
      handleAnswer(run, event);
      break;
    case "callback":
      handleCallback(run, event);
      break;
    case "check":
      check(run, event);
      break;
    case "close-duplicate":
      // Staff close a duplicate question once the real one is answered.
      if (statusAt(event.thread, event.at) !== "resolved") setStatus(event.thread, event.at, "resolved");
      break;
  }
}

/** No answer arrived in time: try again, perhaps on another channel, or give up. */
function check(run: Run, event: Extract<SimEvent, { type: "check" }>): void {
  const { world, c } = run;
  if (event.contactIndex !== run.contacts || run.lastAnswerAt >= run.lastContactAt) return;
  if (event.at < run.promisedUntil) {
    schedule(run, { ...event, at: run.promisedUntil + logNormal(world.rng, 1.5, 0.6) * DAY });
    return;
  }
  if (run.contacts >= c.actor.persistence) {
    run.gaveUp = true;
    return;
  }
  const previous = run.previousChannel ?? "phone";
  const channel = nextChannel(world.rng, c.actor, previous, run.contacts + 1);
  const replyKey = channel === "email" && run.lastEmail && chance(world.rng, 0.6) ? run.lastEmail.key : null;
  schedule(run, {
    type: "contact",
    at: contactMoment(world.rng, world.calendar, event.at, channel, c.actor),
    channel,
    mode: "repeat",
    replyKey,
  });
}

function summarise(run: Run): GroundTruthCase {
  const { c, world } = run;
  const reasons = run.reasons;
  if (run.gaveUp) reasons.add("gave-up");
  if (run.contacts >= 3) reasons.add("repeat-contacts");
  if (new Set(run.channels).size >= 2 && run.contacts >= 2) reasons.add("channel-hopping");
  const tenWorkingDays = 14 * DAY;
  if (
    run.firstAnswerAt === null &&
    run.firstContactAt !== null &&
    world.calendar.endMs - run.firstContactAt > tenWorkingDays
  )
    reasons.add("never-answered");
  if (
    run.firstAnswerAt !== null &&
    run.firstContactAt !== null &&
    run.firstAnswerAt - run.firstContactAt > 21 * DAY
  )
    reasons.add("long-wait");
  // Stuck means the resident needed help they did not get: one bad moment is not enough.
  const serious = run.gaveUp || run.contacts >= 4 || reasons.has("never-answered");
  const compound =
    (run.contacts >= 3 &&
      ["channel-hopping", "broken-callback", "long-wait", "reopened"].some((r) =>
        reasons.has(r as StuckReason),
      )) ||
    (run.contacts >= 2 && reasons.has("broken-callback") && reasons.has("long-wait"));
  return {
    caseId: c.id,
    trueTopicId: c.topicId,
    needId: c.needId,
    lifeEventIndex: c.lifeEvent?.index ?? null,
    startedAt: new Date(run.firstContactAt ?? c.startMs),
    questionIds: run.threads.map((t) => t.id),
    contacts: run.contacts,
    channels: run.channels,
    outcome:
      run.resolvedAt !== null && run.lastAnswerAt >= run.lastContactAt
        ? "resolved"
        : run.gaveUp
          ? "gave-up"
          : "unresolved",
    stuck: serious || compound,
    stuckReasons: [...reasons].sort(),
  };
}
