import { AppError } from "../../platform/errors";

/** Unknown session and wrong token look the same, so a session id reveals nothing. */
export const chatNotFound = () =>
  new AppError("chat-not-found", "not-found", "Dit chatgesprek is niet gevonden.");

export const chatTokenMissing = () =>
  new AppError(
    "chat-token-missing",
    "unauthenticated",
    "Stuur de sleutel van dit chatgesprek mee (Authorization: Bearer).",
  );

export const chatEnded = () => new AppError("chat-ended", "conflict", "Dit chatgesprek is al afgesloten.");

export const chatUnavailable = () =>
  new AppError("chat-unavailable", "not-found", "Chatten met deze gemeente is nu niet mogelijk.");

export const chatRateLimited = () =>
  new AppError(
    "chat-rate-limited",
    "rate-limited",
    "U stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.",
  );

export const originNotAllowed = () =>
  new AppError(
    "chat-origin-not-allowed",
    "forbidden",
    "Deze website mag de chat van deze gemeente niet gebruiken.",
  );

export const noCodeRequested = () =>
  new AppError("chat-no-code", "conflict", "Vraag eerst een code aan met uw e-mailadres.");

export const wrongCode = () =>
  new AppError("chat-wrong-code", "validation", "De code klopt niet. Kijk nog eens in uw e-mail.", [
    { name: "code", code: "wrong", reason: "De code klopt niet." },
  ]);

export const codeExpired = () =>
  new AppError("chat-code-expired", "conflict", "De code is verlopen. Vraag een nieuwe code aan.");

export const tooManyAttempts = () =>
  new AppError(
    "chat-code-attempts",
    "rate-limited",
    "U heeft te vaak een verkeerde code ingevuld. Vraag een nieuwe code aan.",
  );

export const noEmailForTranscript = () =>
  new AppError("chat-no-email", "validation", "Vul het e-mailadres in waar het gesprek naartoe moet.", [
    { name: "email", code: "required", reason: "Vul een e-mailadres in." },
  ]);

export const chatNotIdentified = () =>
  new AppError("chat-not-identified", "conflict", "Laat u eerst herkennen met een code per e-mail.");

export const earlierQuestionNotFound = () =>
  new AppError(
    "chat-question-not-found",
    "not-found",
    "Deze vraag is niet gevonden bij uw open vragen. Kies een vraag uit de lijst.",
  );
