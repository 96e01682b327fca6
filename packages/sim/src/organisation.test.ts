import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultTopics } from "@omniloket/domain";
import { generateOrganisation } from "./organisation";
import { createRng } from "./random";

describe("organisation", () => {
  const organisation = generateOrganisation(createRng("org"));

  it("has one general team and gives every topic of the shared list to exactly one team", () => {
    assert.equal(organisation.teams.filter((t) => t.isGeneral).length, 1);
    const claimed = organisation.teams.flatMap((t) => t.topicIds);
    assert.deepEqual([...claimed].sort(), defaultTopics.topics.map((t) => t.id).sort());
  });

  it("has about forty employees with the demo logins exactly once", () => {
    const emails = organisation.employees.map((e) => e.email);
    assert.ok(organisation.employees.length >= 35 && organisation.employees.length <= 45);
    assert.equal(new Set(emails).size, emails.length);
    for (const login of [
      "agent",
      "backoffice",
      "casusregisseur",
      "supervisor",
      "analist",
      "privacy",
      "admin",
    ]) {
      assert.equal(emails.filter((e) => e === `${login}@voorbeeldstad.demo`).length, 1, login);
    }
    const roles = new Set(organisation.employees.flatMap((e) => e.roles));
    for (const role of [
      "agent",
      "back-office",
      "case-guide",
      "supervisor",
      "analyst",
      "privacy-officer",
      "admin",
    ]) {
      assert.ok(roles.has(role as never), role);
    }
    const teamIds = new Set(organisation.teams.map((t) => t.id));
    for (const employee of organisation.employees)
      for (const id of employee.teamIds) assert.ok(teamIds.has(id));
  });
});
