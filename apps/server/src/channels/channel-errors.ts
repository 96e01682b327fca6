import { AppError, invalidInput } from "../platform/errors";

export const badSignature = () =>
  new AppError("bad-signature", "unauthenticated", "De handtekening van dit bericht klopt niet.");

export const unknownChannelAddress = () =>
  new AppError(
    "unknown-channel-address",
    "not-found",
    "Dit nummer is bij geen enkele gemeente als kanaal ingesteld.",
  );

export const missingField = (name: string, reason = "Dit veld ontbreekt of is leeg.") =>
  invalidInput([{ name, code: "required", reason }], `Het bericht is niet compleet: ${name} ontbreekt.`);

export const malformedBody = (name: string, reason: string) =>
  invalidInput([{ name, code: "malformed", reason }], `Het bericht is niet leesbaar: ${reason}`);
