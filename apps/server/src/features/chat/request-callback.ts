import type { Db } from "@omniloket/db";
import { normalisePhone } from "@omniloket/domain";
import { processPrincipal } from "../../platform/auth/principal";
import { invalidInput } from "../../platform/errors";
import { createTask } from "../tasks";
import { chatEnded } from "./chat.errors";
import { closeSession } from "./close-session";
import { recordChatMessage } from "./record-chat-message";
import { loadVisitorSession } from "./visitor-session";

const MAX_SLOT_AHEAD_MS = 30 * 24 * 3600_000;

/**
 * Nobody could chat now and the visitor asks to be called back in a slot they chose: a callback task on
 * the question for its team, due at the start of that slot. The chat ends with a note of it.
 */
export async function requestCallback(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; sessionId: string; token: string | null; phone: string; slotStart: Date },
) {
  const phone = normalisePhone(input.phone);
  if (!phone.ok)
    throw invalidInput(
      [{ name: "phone", code: "invalid-phone", reason: "Vul een geldig telefoonnummer in." }],
      "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.",
    );
  const now = deps.clock();
  const ahead = input.slotStart.getTime() - now.getTime();
  if (ahead < 0 || ahead > MAX_SLOT_AHEAD_MS)
    throw invalidInput(
      [{ name: "slotStart", code: "out-of-range", reason: "Kies een tijd in de komende 30 dagen." }],
      "Kies een tijd in de komende 30 dagen.",
    );
  const session = await deps.db.transaction(async (tx) => {
    const found = await loadVisitorSession(tx, input);
    if (found.status === "ended") throw chatEnded();
    return found;
  });
  const task = await createTask(deps, {
    principal: processPrincipal(input.tenantId, "chat"),
    questionId: session.questionId,
    kind: "callback",
    dueAt: input.slotStart,
    contactChannel: "phone",
    contactAddress: phone.value,
    description:
      session.language === "en"
        ? "Callback requested in the web chat (nobody was available); call in the chosen slot."
        : "Terugbelverzoek uit de webchat (er was niemand beschikbaar); bel in het gekozen tijdvak.",
  });
  await deps.db.transaction(async (tx) => {
    const current = await loadVisitorSession(tx, { ...input, forUpdate: true });
    const when = input.slotStart.toLocaleString("nl-NL", {
      timeZone: "Europe/Amsterdam",
      dateStyle: "long",
      timeStyle: "short",
    });
    await recordChatMessage(tx, current, { sender: "system", text: `Terugbelverzoek voor ${when}.` }, now);
    await closeSession(tx, current, { reason: "callback" }, now);
  });
  return { taskId: task.id, dueAt: input.slotStart.toISOString() };
}
