import { AppError } from "../../platform/errors";

export const notForPeople = () =>
  new AppError("presence-for-employees", "forbidden", "Alleen medewerkers hebben een beschikbaarheid.");

export const employeeNotFound = (name = "employeeId") =>
  new AppError("employee-not-found", "validation", "Deze medewerker bestaat niet of is niet actief.", [
    { name, code: "unknown-employee", reason: "Geen actieve medewerker van deze gemeente." },
  ]);

export const teamNotFound = () =>
  new AppError("team-not-found", "validation", "Dit team bestaat niet.", [
    { name: "teamId", code: "unknown-team", reason: "Geen team van deze gemeente." },
  ]);

/** Need-to-know: the target may not see this question, so it may not be given to them. */
export const needToKnowRefused = (who: "employee" | "team") =>
  new AppError(
    "need-to-know",
    "conflict",
    who === "employee"
      ? "Deze medewerker mag deze vraag niet inzien (need-to-know): de vraag hoort bij een team waar de medewerker geen lid van is."
      : "Dit team behandelt het onderwerp van deze vertrouwelijke vraag niet (need-to-know); kies een team dat het onderwerp behandelt.",
  );

export const transferNeedsTarget = () =>
  new AppError(
    "transfer-target",
    "validation",
    "Kies een team of een medewerker, niet allebei en niet geen van beide.",
    [{ name: "teamId", code: "one-of", reason: "Geef precies één van teamId en employeeId." }],
  );
