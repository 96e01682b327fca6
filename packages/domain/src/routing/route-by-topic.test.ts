import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type RoutingTeam, routeByTopic } from "./route-by-topic";

const teams: RoutingTeam[] = [
  { id: "kcc", topicIds: [], isGeneral: true },
  { id: "belastingen", topicIds: ["belastingen", "kwijtschelding"], isGeneral: false },
  { id: "sociaal", topicIds: ["inkomen", "schulden", "kwijtschelding"], isGeneral: false },
];

describe("routeByTopic", () => {
  it("sends a question to the first team that handles its topic", () => {
    assert.equal(routeByTopic("schulden", teams), "sociaal");
    assert.equal(routeByTopic("kwijtschelding", teams), "belastingen");
  });

  it("falls back to the general team for unknown or unhandled topics", () => {
    assert.equal(routeByTopic(null, teams), "kcc");
    assert.equal(routeByTopic("afval", teams), "kcc");
  });

  it("returns null when no team fits and none is general", () => {
    assert.equal(routeByTopic("afval", teams.slice(1)), null);
    assert.equal(routeByTopic(null, []), null);
  });

  it("always returns a team that handles the topic or a general team", () => {
    const team: fc.Arbitrary<RoutingTeam> = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      topicIds: fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 3 }),
      isGeneral: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom("a", "b", "c", "d")),
        fc.uniqueArray(team, { maxLength: 5, selector: (t) => t.id }),
        (topicId, list) => {
          const routed = routeByTopic(topicId, list);
          if (routed === null) {
            assert.ok(!list.some((t) => t.isGeneral || (topicId !== null && t.topicIds.includes(topicId))));
            return;
          }
          const chosen = list.find((t) => t.id === routed);
          const handled = topicId !== null && list.some((t) => t.topicIds.includes(topicId));
          assert.ok(handled ? topicId !== null && chosen?.topicIds.includes(topicId) : chosen?.isGeneral);
        },
      ),
    );
  });
});
