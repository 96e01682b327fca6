import type { Db } from "@omniloket/db";
import { schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { sendConfirmation } from "../replies";
import { noEmailForTranscript } from "./chat.errors";
import { municipalityName, visitorEmail } from "./chat-email";
import { transcriptOf } from "./close-session";
import { loadVisitorSession } from "./visitor-session";

/**
 * Emails the chat's transcript to the identified address or the one the visitor gives. The subject
 * carries the question's reference, so a reply threads into the same question (email reference rule).
 */
export async function sendTranscript(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; sessionId: string; token: string | null; email?: string },
): Promise<{ sent: true }> {
  const given = input.email?.trim() ? visitorEmail(input.email) : null;
  const { session, transcript, reference } = await deps.db.transaction(async (tx) => {
    const found = await loadVisitorSession(tx, input);
    const [question] = await tx
      .select({ reference: schema.questions.reference })
      .from(schema.questions)
      .where(eq(schema.questions.id, found.questionId));
    return {
      session: found,
      transcript: await transcriptOf(tx, found),
      reference: question?.reference ?? "",
    };
  });
  const to = given ?? session.identifiedEmail;
  if (!to) throw noEmailForTranscript();
  const english = session.language === "en";
  const name = await municipalityName(deps.db, input.tenantId);
  await sendConfirmation(deps, {
    tenantId: input.tenantId,
    questionId: session.questionId,
    to,
    language: english ? "eng" : "nld",
    subject: english
      ? `Your chat with ${name} [${reference}]`
      : `Uw chat met gemeente ${name} [${reference}]`,
    text: english
      ? `Here is your chat with ${name}. The number of your question is ${reference}.\n\n${transcript.replaceAll("] U:", "] You:")}\n\nWant to add something? Reply to this email.`
      : `Hierbij uw chatgesprek met gemeente ${name}. Het nummer van uw vraag is ${reference}.\n\n${transcript}\n\nWilt u nog iets toevoegen? Beantwoord dan deze e-mail.`,
  });
  return { sent: true };
}
