import { AppError } from "../../platform/errors";

export const cannotMergeWithItself = () =>
  new AppError("merge-same-party", "validation", "Een inwoner kan niet met zichzelf worden samengevoegd.", [
    { name: "mergedPartyId", code: "same-party", reason: "Kies twee verschillende inwoners." },
  ]);
export const alreadyMerged = () =>
  new AppError(
    "already-merged",
    "conflict",
    "Een van deze inwoners is al samengevoegd. Maak dat eerst ongedaan.",
  );
export const conflictingVerifiedIdentities = () =>
  new AppError(
    "verified-conflict",
    "conflict",
    "Beide inwoners zijn geverifieerd met een ander BSN; zij zijn niet dezelfde persoon en worden niet samengevoegd.",
  );
export const notVerified = () =>
  new AppError("not-verified", "validation", "Koppelen kan alleen aan een geverifieerde inwoner.", [
    { name: "verifiedPartyId", code: "not-verified", reason: "Deze inwoner is niet geverifieerd." },
  ]);
export const mergeAlreadyUndone = () =>
  new AppError("merge-undone", "conflict", "Deze samenvoeging is al ongedaan gemaakt.");
