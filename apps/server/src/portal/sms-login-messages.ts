import type { Lang } from "./messages";

/** Texts of logging in with a code by SMS (B1 Dutch and English); the email texts are in messages.ts. */
export const smsLoginMessages = {
  nl: {
    addressInvalid:
      "Vul een geldig e-mailadres of mobiel nummer in, bijvoorbeeld naam@voorbeeld.nl of 06 12345678.",
    notMobile:
      "Vul een mobiel nummer in (het begint met 06). Naar een vast nummer kunnen we geen sms sturen.",
    smsNotOffered: "Inloggen met een code per sms kan bij deze gemeente nog niet. Vul uw e-mailadres in.",
    smsNotSent: "Het lukte niet om de sms met de code te versturen. Probeer het later opnieuw.",
    codeIntroSms:
      "We hebben een sms met een code van 6 cijfers gestuurd naar het mobiele nummer dat u invulde. De code is 10 minuten geldig.",
    codeHintSms: "U vindt de code in de sms op uw telefoon.",
    codeSms: (code: string, site: string) =>
      `Uw code voor ${site} is ${code}. De code is 10 minuten geldig. Geef de code aan niemand anders.`,
  },
  en: {
    addressInvalid:
      "Fill in a valid email address or mobile number, for example name@example.com or 06 12345678.",
    notMobile: "Fill in a mobile number (Dutch mobile numbers start with 06). We cannot text a landline.",
    smsNotOffered:
      "Logging in with a code by text message is not yet possible here. Fill in your email address.",
    smsNotSent: "We could not send the text message with the code. Please try again later.",
    codeIntroSms:
      "We have sent a text message with a 6-digit code to the mobile number you filled in. The code is valid for 10 minutes.",
    codeHintSms: "You find the code in the text message on your phone.",
    codeSms: (code: string, site: string) =>
      `Your code for ${site} is ${code}. It is valid for 10 minutes. Never give the code to anyone else.`,
  },
} satisfies Record<Lang, Record<string, unknown>>;
