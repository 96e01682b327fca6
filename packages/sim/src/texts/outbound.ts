import type { Rng } from "../random";
import type { SimChannel } from "../types";
import type { ComposedText, Speaker } from "./inbound";
import { fill, salutationName, topicNameEn, topicNameNl, topicText, variantOf } from "./topic-texts";

/** "refer": an anonymous chat we cannot settle or answer later; the visitor is sent to the phone or the form. */
export type AnswerKind = "answer" | "ask-info" | "interim" | "refer";

export type OutboundInput = {
  channel: SimChannel;
  kind: AnswerKind;
  topicId: string;
  variant: number;
  /** The topic the municipality thinks it is about (may be unknown). */
  recordedTopicId: string | null;
  recipient: Speaker;
  employeeName: string;
  teamName: string;
  refToken: string;
  english: boolean;
  replyToSubject: string | null;
};

/** The municipality's reply, in the register of the channel. */
export function composeOutbound(rng: Rng, input: OutboundInput): ComposedText {
  if (input.english) return composeEnglish(input);
  const topic = topicText(input.topicId);
  const values = { street: input.recipient.street, houseNumber: input.recipient.houseNumber };
  const message =
    input.kind === "answer"
      ? fill(rng, variantOf(topic.answer, input.variant), values)
      : input.kind === "ask-info"
        ? `Om uw vraag te kunnen afhandelen hebben wij meer informatie nodig. ${fill(rng, variantOf(topic.info, input.variant), values)}`
        : input.kind === "refer"
          ? "Dit kan ik helaas niet in de chat afhandelen. Belt u ons op 14 0123, of vul het contactformulier in, dan komen wij erop terug."
          : `Wij hebben uw vraag doorgezet naar ${input.teamName}. U krijgt binnen vijf werkdagen bericht.`;
  const r = input.recipient;
  const dear = `Geachte ${salutationName(r.sex, r.familyNamePrefix, r.familyName)},`;
  const first = r.givenName.split(" ")[0];
  const employeeFirst = input.employeeName.split(" ")[0];
  const topicName = topicNameNl(input.recordedTopicId ?? input.topicId).toLowerCase();
  switch (input.channel) {
    case "email":
    case "webform":
      return {
        subject: input.replyToSubject
          ? `Re: ${input.replyToSubject.replace(/^(Re: )+/, "")}`
          : `Uw vraag ${input.refToken}: ${topicName}`,
        text: [
          dear,
          "",
          `Bedankt voor uw bericht over ${topicName}. ${message}`,
          "",
          `Uw vraag heeft nummer ${input.refToken}. Noemt u dit nummer als u contact met ons opneemt.`,
          "",
          "Met vriendelijke groet,",
          "",
          input.employeeName,
          `${input.teamName}, Gemeente Voorbeeldstad`,
        ].join("\n"),
      };
    case "letter":
      return {
        subject: `Brief: ${topic.form}`,
        text: [
          "Gemeente Voorbeeldstad",
          `Ons kenmerk: ${input.refToken}`,
          "",
          dear,
          "",
          message,
          "",
          "Hoogachtend,",
          "",
          `namens het college van burgemeester en wethouders,`,
          input.employeeName,
          input.teamName,
        ].join("\n"),
      };
    case "whatsapp":
      return {
        subject: null,
        text: `Hoi ${first}, ${lowerFirst(message)} Uw vraagnummer is ${input.refToken}. Groet, ${employeeFirst} (gemeente Voorbeeldstad)`,
      };
    case "sms":
      return { subject: null, text: `Gemeente Voorbeeldstad: ${message} Vraagnummer ${input.refToken}.` };
    case "chat":
      return {
        subject: `Chat: ${topicName}`,
        text: `${employeeFirst}: ${message}${input.kind === "interim" ? ` Uw vraagnummer is ${input.refToken}.` : ""}`,
      };
    case "phone":
    case "counter":
      return { subject: null, text: message };
  }
}

function composeEnglish(input: OutboundInput): ComposedText {
  const topicName = topicNameEn(input.recordedTopicId ?? input.topicId).toLowerCase();
  const message =
    input.kind === "answer"
      ? `We have looked into your question about ${topicName} and sent the details to your address.`
      : input.kind === "ask-info"
        ? "To handle your question we need more information. Could you send us the documents mentioned in our earlier letter?"
        : input.kind === "refer"
          ? "We cannot settle this in the chat. Please call us on 14 0123 or fill in the contact form, and we will get back to you."
          : `We have passed your question to ${input.teamName}. You will hear from us within five working days.`;
  return {
    subject:
      input.channel === "email" || input.channel === "webform"
        ? `Your question ${input.refToken}: ${topicName}`
        : null,
    text: `Dear ${input.recipient.displayName},\n\n${message}\n\nYour reference is ${input.refToken}.\n\nKind regards,\n${input.employeeName}\nMunicipality of Voorbeeldstad`,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
