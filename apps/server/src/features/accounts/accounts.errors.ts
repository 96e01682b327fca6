import { AppError } from "../../platform/errors";

export const invalidCredentials = () =>
  new AppError("invalid-credentials", "unauthenticated", "Het e-mailadres of wachtwoord klopt niet.");
export const invalidSecondFactor = () =>
  new AppError(
    "invalid-second-factor",
    "unauthenticated",
    "De code klopt niet of is verlopen. Probeer het opnieuw.",
  );
export const weakPassword = () =>
  new AppError("weak-password", "validation", "Kies een wachtwoord van ten minste 12 tekens.", [
    { name: "password", code: "too-short", reason: "Ten minste 12 tekens." },
  ]);
export const secondFactorRequired = () =>
  new AppError(
    "second-factor-required",
    "validation",
    "Beheerders moeten een tweede factor (TOTP) instellen.",
    [{ name: "totp", code: "required", reason: "Verplicht voor de rol admin." }],
  );
