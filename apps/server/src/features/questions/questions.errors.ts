import { AppError, invalidInput } from "../../platform/errors";

export const unknownTopic = (topicId: string) =>
  invalidInput(
    [{ name: "topicId", code: "unknown-topic", reason: `Onbekend onderwerp "${topicId}".` }],
    "Kies een onderwerp uit de lijst.",
  );

export const nothingToChange = () =>
  invalidInput(
    [{ name: "topicId", code: "one-of", reason: "Geef een nieuw onderwerp, een nieuwe status of allebei." }],
    "Er is niets om te wijzigen.",
  );

export const notesByEmployees = () =>
  new AppError("notes-by-employees", "forbidden", "Alleen medewerkers kunnen een interne notitie maken.");
