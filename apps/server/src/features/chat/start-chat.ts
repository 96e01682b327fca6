import { randomUUID } from "node:crypto";
import { schema } from "@omniloket/db";
import { isKnownTopic } from "@omniloket/domain";
import type { AppDeps } from "../../platform/deps";
import { invalidInput } from "../../platform/errors";
import { ingestInteraction } from "../ingest";
import { notifyChat } from "./chat-notify";
import { newVisitorToken } from "./visitor-token";

export type ChatLanguage = "nl" | "en";

/**
 * A visitor starts a chat: one anonymous inbound contact on channel "chat" through the ordinary ingest
 * (so threading, routing, service norms and the outbox apply), then the chat session under it. The
 * token is returned once; only its hash is kept.
 */
export async function startChat(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  input: {
    tenantId: string;
    topicId?: string;
    language: ChatLanguage;
    /**
     * A logged-in resident opens the chat from one of their own questions in the portal (the portal
     * checked that it is theirs): the chat's contact lands in that question, as theirs, identified.
     */
    onQuestion?: { questionId: string; identifier: { kind: "email" | "phone"; value: string } };
  },
): Promise<{ sessionId: string; token: string; questionReference: string }> {
  if (input.topicId !== undefined && !isKnownTopic(input.topicId))
    throw invalidInput([{ name: "topicId", code: "unknown", reason: "Kies een onderwerp uit de lijst." }]);
  const sessionId = randomUUID();
  const english = input.language === "en";
  const result = await ingestInteraction(deps, {
    tenantId: input.tenantId,
    interaction: {
      channel: "chat",
      externalId: `chat:${sessionId}`,
      direction: "inbound",
      subject: english ? "Chat" : "Chatgesprek",
      text: "",
      language: english ? "eng" : "nld",
      ...(input.topicId ? { topicId: input.topicId } : {}),
      inReplyTo: [],
      subjectLinks: [],
      attachments: [],
      confidential: false,
      sender: { kind: "person", identifiers: input.onQuestion ? [input.onQuestion.identifier] : [] },
      ...(input.onQuestion ? { questionId: input.onQuestion.questionId } : {}),
    },
  });
  const onQuestion = input.onQuestion;
  const { token, hash } = newVisitorToken();
  const now = deps.clock();
  await deps.database.db.transaction(async (tx) => {
    await tx.insert(schema.chatSessions).values({
      id: sessionId,
      tenantId: input.tenantId,
      questionId: result.questionId,
      interactionId: result.interactionId,
      partyId: result.partyId,
      visitorTokenHash: hash,
      status: "waiting",
      topicId: input.topicId ?? null,
      language: input.language,
      startedAt: now,
      // Logged in with a code to this address: the chat counts as identified (transcript, earlier questions).
      identifiedEmail: onQuestion?.identifier.kind === "email" ? onQuestion.identifier.value : null,
    });
    await notifyChat(tx, { sessionId, kind: "status" });
  });
  return { sessionId, token, questionReference: result.questionReference };
}
