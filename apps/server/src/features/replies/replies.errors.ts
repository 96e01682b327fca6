import { AppError } from "../../platform/errors";

export const overrideNeedsReason = () =>
  new AppError(
    "override-needs-reason",
    "validation",
    "U kiest een ander kanaal dan de regel voorstelt. Geef de reden op.",
    [
      {
        name: "overrideReason",
        code: "required",
        reason: "Verplicht als u van het voorgestelde kanaal afwijkt.",
      },
    ],
  );
export const noDigitalContact = () =>
  new AppError(
    "no-digital-contact",
    "validation",
    "Deze inwoner wil geen digitaal contact. Kies telefoon of brief.",
    [{ name: "channel", code: "no-digital-contact", reason: "Alleen telefoon of brief." }],
  );
export const unreachable = (channel: string) =>
  new AppError("unreachable", "validation", `We hebben geen adres van deze inwoner voor ${channel}.`, [
    { name: "channel", code: "unreachable", reason: "Geen adres bekend voor dit kanaal." },
  ]);
export const noReplyChannel = () =>
  new AppError(
    "no-reply-channel",
    "conflict",
    "We kunnen deze inwoner op geen enkel kanaal bereiken. Leg het antwoord vast als notitie.",
  );
export const whatsappWindowClosed = (alternative: string | null) =>
  new AppError(
    "whatsapp-window-closed",
    "conflict",
    `De inwoner stuurde langer dan 24 uur geleden een WhatsApp-bericht; vrije tekst mag dan niet. Gebruik een goedgekeurd sjabloon${alternative ? ` of kies ${alternative}` : ""}.`,
  );
