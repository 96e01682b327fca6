import { Link } from "@tanstack/react-router";
import { useMessages } from "../i18n";
import { AdminPage, messages as shared } from "./admin-shared";

export const messages = {
  nl: {
    title: "Beheer",
    intro: "Hier richt u de werkplek in voor uw gemeente. Kies wat u wilt beheren.",
    teams: "Teams, hun onderwerpen en wie erin zit.",
    employees: "Medewerkers toevoegen, hun rollen, onderwerpen en talen.",
    routing: "Hoeveel werk iemand tegelijk krijgt, en binnen welke tijd een vraag klaar moet zijn.",
    forms: "Welke webformulieren inwoners kunnen gebruiken.",
    knowledge: "Antwoorden in de kennisbank en standaardteksten.",
    quarantine: "Berichten die niet verwerkt konden worden.",
    deadLetters: "Berichten die niet verstuurd konden worden. U kunt ze opnieuw versturen.",
  },
  en: {
    title: "Administration",
    intro: "Set up the workspace for your municipality. Choose what you want to manage.",
    teams: "Teams, their topics and who is in them.",
    employees: "Add employees; their roles, topics and languages.",
    routing: "How much work someone gets at once, and within what time a question must be done.",
    forms: "Which web forms residents can use.",
    knowledge: "Knowledge-base answers and canned texts.",
    quarantine: "Messages that could not be processed.",
    deadLetters: "Messages that could not be sent. You can send them again.",
  },
};

const sections = [
  ["/beheer/teams", "teams"],
  ["/beheer/medewerkers", "employees"],
  ["/beheer/routering", "routing"],
  ["/beheer/formulieren", "forms"],
  ["/beheer/kennisbank", "knowledge"],
  ["/beheer/quarantaine", "quarantine"],
  ["/beheer/onbestelbaar", "deadLetters"],
] as const;

/** The start of the admin pages: what each one is for. */
export function AdminHomePage() {
  const m = useMessages(messages);
  const names = useMessages(shared);
  return (
    <AdminPage title={m.title} intro={m.intro}>
      <dl className="admin-overview">
        {sections.map(([to, key]) => (
          <div key={to}>
            <dt>
              <Link to={to} className="utrecht-link">
                {names[key]}
              </Link>
            </dt>
            <dd>{m[key]}</dd>
          </div>
        ))}
      </dl>
    </AdminPage>
  );
}
