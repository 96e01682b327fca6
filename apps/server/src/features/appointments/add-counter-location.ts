import { type Db, schema } from "@omniloket/db";
import type { WeeklyOpening } from "@omniloket/db/schema";
import { asc, eq } from "drizzle-orm";
import { AppError } from "../../platform/errors";
import { minutesOf } from "./counter-calendar";
import { generateSlots } from "./generate-slots";

export type CounterLocationInput = {
  name: string;
  address: string;
  weeklyPattern: WeeklyOpening[];
  slotMinutes: number;
  slotCapacity: number;
};

export type CounterLocationSettings = CounterLocationInput & { id: string; active: boolean };

const invalidPattern = (index: number) =>
  new AppError("invalid-opening-hours", "validation", "Deze openingstijden kloppen niet.", [
    {
      name: `weeklyPattern.${index}`,
      code: "invalid",
      reason: "Geef een dag (1 = maandag … 7 = zondag) en een begin vóór het einde, als UU:MM.",
    },
  ]);

/** The municipality's counters with their weekly pattern (for the admin). */
export async function listCounterLocationSettings(
  db: Db,
  tenantId: string,
): Promise<CounterLocationSettings[]> {
  const l = schema.counterLocations;
  return db
    .select({
      id: l.id,
      name: l.name,
      address: l.address,
      weeklyPattern: l.weeklyPattern,
      slotMinutes: l.slotMinutes,
      slotCapacity: l.slotCapacity,
      active: l.active,
    })
    .from(l)
    .where(eq(l.tenantId, tenantId))
    .orderBy(asc(l.name));
}

/**
 * An admin adds a counter that takes appointments: its weekly opening periods, how long one appointment
 * takes and how many residents can come at once. Its slots for the weeks ahead are generated at once;
 * the appointments worker keeps adding weeks.
 */
export async function addCounterLocation(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; location: CounterLocationInput },
): Promise<{ location: CounterLocationSettings; slotsCreated: number }> {
  input.location.weeklyPattern.forEach((opening, index) => {
    const from = minutesOf(opening.from);
    const until = minutesOf(opening.until);
    if (!Number.isInteger(opening.weekday) || opening.weekday < 1 || opening.weekday > 7)
      throw invalidPattern(index);
    if (from === null || until === null || from >= until) throw invalidPattern(index);
  });
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.counterLocations)
      .values({ tenantId: input.tenantId, ...input.location })
      .returning();
    if (!row) throw new Error("counter insert returned nothing");
    const { created } = await generateSlots(
      { db: tx },
      { tenantId: input.tenantId, now: deps.clock(), locationId: row.id },
    );
    return {
      location: {
        id: row.id,
        name: row.name,
        address: row.address,
        weeklyPattern: row.weeklyPattern,
        slotMinutes: row.slotMinutes,
        slotCapacity: row.slotCapacity,
        active: row.active,
      },
      slotsCreated: created,
    };
  });
}
