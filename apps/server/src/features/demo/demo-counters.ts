import { type Db, schema } from "@omniloket/db";
import { generateSlots } from "../appointments";

/** Monday to Friday mornings, and Thursday evening too: a common pattern for a town hall's counter. */
const weekdays = [1, 2, 3, 4, 5];

/**
 * Demo only: Voorbeeldstad's two counters that take appointments, with slots for the coming weeks (the
 * appointments worker keeps adding weeks as time passes).
 */
export async function seedDemoCounters(db: Db, tenantId: string, now: Date): Promise<void> {
  await db.insert(schema.counterLocations).values([
    {
      tenantId,
      name: "Stadhuis Voorbeeldstad",
      address: "Marktplein 1\n1234 AB Voorbeeldstad",
      weeklyPattern: [
        ...weekdays.map((weekday) => ({ weekday, from: "09:00", until: "12:30" })),
        { weekday: 4, from: "17:00", until: "20:00" },
      ],
      slotMinutes: 15,
      slotCapacity: 2,
    },
    {
      tenantId,
      name: "Servicepunt Noord",
      address: "Noorderplantsoen 12\n1235 CD Voorbeeldstad",
      weeklyPattern: [
        { weekday: 2, from: "13:00", until: "16:00" },
        { weekday: 4, from: "13:00", until: "16:00" },
      ],
      slotMinutes: 20,
      slotCapacity: 1,
    },
  ]);
  await generateSlots({ db }, { tenantId, now });
}
