import { asciiSlug } from "./people/identifiers";
import { namePool } from "./people/names";
import { chance, pick, type Rng, seededUuid } from "./random";
import type { GeneratedEmployee, GeneratedTeam, Role } from "./types";

/** Teams of Voorbeeldstad and the topics they handle; topics nobody claims go to the general KCC team. */
const teamPlan: ReadonlyArray<{ key: TeamKey; name: string; topicIds: string[]; isGeneral?: true }> = [
  { key: "kcc", name: "Klantcontactcentrum", topicIds: ["overig", "klacht"], isGeneral: true },
  {
    key: "burgerzaken",
    name: "Burgerzaken",
    topicIds: ["reisdocumenten", "rijbewijs", "verhuizing", "burgerzaken-akten"],
  },
  {
    key: "belastingen",
    name: "Belastingen",
    topicIds: ["belastingen", "kwijtschelding", "betalingsregeling"],
  },
  { key: "werk-inkomen", name: "Werk en Inkomen", topicIds: ["inkomen", "werk"] },
  { key: "schuldhulp", name: "Schuldhulpverlening", topicIds: ["schulden"] },
  { key: "wmo", name: "Wmo en Zorg", topicIds: ["zorg-wmo"] },
  { key: "jeugd", name: "Jeugd en Onderwijs", topicIds: ["jeugd", "onderwijs"] },
  { key: "openbare-ruimte", name: "Openbare Ruimte", topicIds: ["openbare-ruimte", "afval"] },
  { key: "handhaving", name: "Parkeren en Handhaving", topicIds: ["parkeren", "overlast"] },
  { key: "vergunningen", name: "Vergunningen", topicIds: ["vergunningen", "ondernemen"] },
  { key: "wonen", name: "Wonen", topicIds: ["wonen"] },
];

type TeamKey =
  | "kcc"
  | "burgerzaken"
  | "belastingen"
  | "werk-inkomen"
  | "schuldhulp"
  | "wmo"
  | "jeugd"
  | "openbare-ruimte"
  | "handhaving"
  | "vergunningen"
  | "wonen";

/** The demo logins (one each); their passwords are set by the caller, never here. */
const demoLogins: ReadonlyArray<{ local: string; roles: Role[]; teams: TeamKey[] }> = [
  { local: "agent", roles: ["agent"], teams: ["kcc"] },
  { local: "backoffice", roles: ["back-office"], teams: ["burgerzaken", "belastingen"] },
  { local: "casusregisseur", roles: ["case-guide"], teams: ["schuldhulp", "werk-inkomen", "wmo", "jeugd"] },
  { local: "supervisor", roles: ["supervisor", "agent"], teams: ["kcc"] },
  { local: "analist", roles: ["analyst"], teams: [] },
  { local: "privacy", roles: ["privacy-officer"], teams: [] },
  { local: "admin", roles: ["admin"], teams: [] },
];

/** Named staff besides the demo logins: KCC agents, back office per team, case guides. */
const staffPlan: ReadonlyArray<{ count: number; roles: Role[]; teams: TeamKey[] }> = [
  { count: 11, roles: ["agent"], teams: ["kcc"] },
  { count: 2, roles: ["agent"], teams: ["kcc", "burgerzaken"] },
  { count: 1, roles: ["supervisor"], teams: ["kcc"] },
  { count: 2, roles: ["back-office"], teams: ["burgerzaken"] },
  { count: 2, roles: ["back-office"], teams: ["belastingen"] },
  { count: 2, roles: ["back-office"], teams: ["werk-inkomen"] },
  { count: 1, roles: ["back-office"], teams: ["schuldhulp"] },
  { count: 2, roles: ["back-office"], teams: ["wmo"] },
  { count: 1, roles: ["back-office"], teams: ["jeugd"] },
  { count: 2, roles: ["back-office"], teams: ["openbare-ruimte"] },
  { count: 1, roles: ["back-office"], teams: ["handhaving"] },
  { count: 2, roles: ["back-office"], teams: ["vergunningen"] },
  { count: 1, roles: ["back-office"], teams: ["wonen"] },
  { count: 1, roles: ["case-guide"], teams: ["schuldhulp", "werk-inkomen"] },
  { count: 1, roles: ["case-guide"], teams: ["wmo", "jeugd"] },
  { count: 1, roles: ["analyst"], teams: [] },
];

export const DEMO_EMAIL_DOMAIN = "voorbeeldstad.demo";

export type Organisation = {
  teams: GeneratedTeam[];
  employees: GeneratedEmployee[];
  generalTeam: GeneratedTeam;
  teamByTopic: Map<string, GeneratedTeam>;
};

export function generateOrganisation(rng: Rng): Organisation {
  const teams = teamPlan.map((plan) => ({
    id: seededUuid(rng),
    name: plan.name,
    topicIds: [...plan.topicIds],
    isGeneral: plan.isGeneral === true,
  }));
  const teamIdByKey = new Map(teamPlan.map((plan, i) => [plan.key, (teams[i] as GeneratedTeam).id]));
  const teamIds = (keys: TeamKey[]) => keys.map((key) => teamIdByKey.get(key) as string);
  const usedEmails = new Set<string>();
  const employees: GeneratedEmployee[] = [];

  for (const login of demoLogins) {
    const name = staffName(rng);
    const email = `${login.local}@${DEMO_EMAIL_DOMAIN}`;
    usedEmails.add(email);
    employees.push({
      id: seededUuid(rng),
      name,
      email,
      roles: login.roles,
      teamIds: teamIds(login.teams),
      language: "nl",
    });
  }
  for (const plan of staffPlan) {
    for (let i = 0; i < plan.count; i++) {
      const name = staffName(rng);
      let email = `${asciiSlug(name.split(" ")[0] as string)}.${asciiSlug(name.split(" ").slice(1).join(""))}@${DEMO_EMAIL_DOMAIN}`;
      for (let n = 2; usedEmails.has(email); n++) email = email.replace(/\d*@/, `${n}@`);
      usedEmails.add(email);
      employees.push({
        id: seededUuid(rng),
        name,
        email,
        roles: [...plan.roles],
        teamIds: teamIds(plan.teams),
        language: chance(rng, 0.1) ? "en" : "nl",
      });
    }
  }

  const generalTeam = teams.find((team) => team.isGeneral) as GeneratedTeam;
  const teamByTopic = new Map<string, GeneratedTeam>();
  for (const team of teams) for (const topicId of team.topicIds) teamByTopic.set(topicId, team);
  return { teams, employees, generalTeam, teamByTopic };
}

function staffName(rng: Rng): string {
  const pool = namePool(chance(rng, 0.85) ? "dutch" : pick(rng, ["turkish", "moroccan", "polish"] as const));
  const given = pick(rng, chance(rng, 0.55) ? pool.female : pool.male);
  const family = pick(rng, pool.family);
  return [given, family.prefix, family.name].filter(Boolean).join(" ");
}

/** Employees who can handle a question for a team: its back office and case guides, else the KCC agents. */
export function handlersOf(organisation: Organisation, teamId: string): GeneratedEmployee[] {
  const inTeam = organisation.employees.filter(
    (e) => e.teamIds.includes(teamId) && (e.roles.includes("back-office") || e.roles.includes("case-guide")),
  );
  return inTeam.length > 0 ? inTeam : agentsOf(organisation);
}

export function agentsOf(organisation: Organisation): GeneratedEmployee[] {
  return organisation.employees.filter((e) => e.roles.includes("agent"));
}
