import { AppError, invalidInput } from "../../platform/errors";

export const taskNotOpen = () =>
  new AppError("task-not-open", "conflict", "Deze taak is al afgerond; er is niets meer af te ronden.");

export const callbackNeedsAddress = () =>
  invalidInput(
    [
      {
        name: "contactAddress",
        code: "required",
        reason: "Een terugbelverzoek heeft een telefoonnummer nodig; van deze inwoner is er geen bekend.",
      },
    ],
    "Geef het nummer op waarop de inwoner teruggebeld wil worden.",
  );

export const unknownTeam = () =>
  invalidInput([{ name: "teamId", code: "unknown", reason: "Dit team bestaat niet in uw gemeente." }]);

export const unknownEmployee = () =>
  invalidInput([
    { name: "assigneeEmployeeId", code: "unknown", reason: "Deze medewerker bestaat niet in uw gemeente." },
  ]);
