import { AppError, notFound } from "../../platform/errors";

export const teamNameTaken = (name: string) =>
  new AppError(
    "team-name-taken",
    "conflict",
    `Er is al een team met de naam "${name}". Kies een andere naam.`,
    [{ name: "name", code: "taken", reason: "Deze naam is al in gebruik." }],
  );

export const teamNotFound = () => notFound("Dit team");
