import {
  classifyText,
  type ResidentFacts,
  type SignalContact,
  type SignalQuestion,
  type SignalStatusChange,
  type SignalTransfer,
  type TopicModel,
} from "@omniloket/domain";
import type { SignalInputs } from "./signal-inputs";

const date = (value: string) => new Date(value);
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The facts the signal rules look at, for several residents at once (a rescan batch or one resident),
 * from the rows loadSignalInputs read in one statement: the contacts on their timelines, the questions
 * those contacts are in and the questions they are the resident of, the tasks on those questions, the
 * status history of those questions (question_status_changes) and from the audit log their team moves.
 * A question without a topic gets the topic its latest classification decision set, else the one the
 * municipality's model predicts from its text (marked "predicted"), so a repeat by email is not missed
 * because email carries no topic.
 */
export function residentFactsFrom(
  inputs: SignalInputs,
  partyIds: readonly string[],
  model: TopicModel | null,
): Map<string, ResidentFacts> {
  const result = new Map<string, ResidentFacts>();
  const contactRows = inputs.contacts.map((c) => ({ ...c, occurredAt: date(c.occurredAt) }));
  const questionRows = inputs.questions.map((row) => ({
    ...row,
    openedAt: date(row.openedAt),
    resolvedAt: dateOrNull(row.resolvedAt),
    dueAt: dateOrNull(row.dueAt),
  }));
  const taskRows = inputs.tasks.map((t) => ({
    ...t,
    dueAt: dateOrNull(t.dueAt),
    createdAt: date(t.createdAt),
    completedAt: dateOrNull(t.completedAt),
  }));
  const auditRows = inputs.audit.map((a) => ({ ...a, at: date(a.at) }));
  const decided = inputs.decided;
  // The newest decision per question (a topic, or none when the classifier was not sure enough): a
  // question the classifier already looked at is not predicted again (that was most of a rescan's time).
  const decidedTopic = new Map<string, string | null>();
  for (const d of decided) if (!decidedTopic.has(d.questionId)) decidedTopic.set(d.questionId, d.topicId);

  const inboundText = new Map<string, string[]>();
  for (const c of [...contactRows].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    if (c.direction !== "inbound") continue;
    const list = inboundText.get(c.questionId) ?? [];
    if (list.length < 3) list.push([c.subject, c.text].filter(Boolean).join("\n"));
    inboundText.set(c.questionId, list);
  }
  const questions = new Map<string, SignalQuestion & { residentPartyId: string | null }>();
  for (const row of questionRows) {
    let topicId = row.topicId;
    let topicSource: SignalQuestion["topicSource"] = topicId ? "recorded" : null;
    if (!topicId) {
      const text = (inboundText.get(row.id) ?? []).join("\n").slice(0, 4000);
      topicId = decidedTopic.has(row.id)
        ? (decidedTopic.get(row.id) ?? null)
        : model && text
          ? classifyText(model, text).topicId
          : null;
      topicSource = topicId ? "predicted" : null;
    }
    questions.set(row.id, { ...row, topicId, topicSource });
  }
  const statusChanges = new Map<string, SignalStatusChange[]>();
  for (const row of inputs.statusChanges) {
    if (!questions.has(row.questionId) || row.from === row.to) continue;
    push(statusChanges, row.questionId, {
      questionId: row.questionId,
      from: row.from,
      to: row.to,
      at: date(row.at),
      sourceId: `status:${row.id}`,
    });
  }
  const transfers = new Map<string, SignalTransfer[]>();
  for (const row of auditRows) {
    const details = row.details as Record<string, unknown>;
    for (const questionId of row.objectIds) {
      if (!questions.has(questionId)) continue;
      const sourceId = row.id.toString();
      const fromTeam = (details.fromTeamId as string | null | undefined) ?? null;
      const toTeam = (details.toTeamId as string | null | undefined) ?? null;
      const fromEmployee = (details.fromEmployeeId as string | null | undefined) ?? null;
      const toEmployee = (details.toEmployeeId as string | null | undefined) ?? null;
      if (fromTeam !== toTeam)
        push(transfers, questionId, { questionId, from: fromTeam, to: toTeam, at: row.at, sourceId });
      else if (row.action === "question.transfer" && fromEmployee !== toEmployee)
        push(transfers, questionId, { questionId, from: fromEmployee, to: toEmployee, at: row.at, sourceId });
    }
  }

  // Grouped once, so a batch of residents costs its number of rows, not residents × rows.
  const contactsByParty = new Map<string, SignalContact[]>();
  const seen = new Set<string>();
  for (const { partyId, ...c } of contactRows) {
    if (!partyId || !questions.has(c.questionId) || seen.has(`${partyId}|${c.id}`)) continue;
    seen.add(`${partyId}|${c.id}`);
    push(contactsByParty, partyId, { ...c, direction: c.direction as "inbound" | "outbound" });
  }
  const questionsOfResident = new Map<string, string[]>();
  for (const question of questions.values())
    if (question.residentPartyId) push(questionsOfResident, question.residentPartyId, question.id);
  const tasksByQuestion = new Map<string, (typeof taskRows)[number][]>();
  for (const task of taskRows) push(tasksByQuestion, task.questionId, task);

  for (const partyId of partyIds) {
    const contacts = contactsByParty.get(partyId) ?? [];
    const ids = [
      ...new Set([...contacts.map((c) => c.questionId), ...(questionsOfResident.get(partyId) ?? [])]),
    ];
    result.set(partyId, {
      partyId,
      questions: ids.map((id) => questions.get(id) as SignalQuestion),
      contacts,
      tasks: ids.flatMap((id) => tasksByQuestion.get(id) ?? []),
      statusChanges: ids.flatMap((id) => statusChanges.get(id) ?? []),
      transfers: ids.flatMap((id) => transfers.get(id) ?? []),
    });
  }
  return result;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
