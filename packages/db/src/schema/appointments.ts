import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, tenantId } from "./columns";
import { questions } from "./questions";

/** One opening period of a counter in a week: weekday 1 (Monday) … 7, times "HH:MM" in Amsterdam. */
export type WeeklyOpening = { weekday: number; from: string; until: string };

/**
 * A counter (balie) where residents can come by appointment. The weekly pattern says when, how long one
 * appointment takes and how many residents can come at once; slots are generated from it ahead of time.
 */
export const counterLocations = pgTable(
  "counter_locations",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    /** The address as residents read it, on one or more lines. */
    address: text("address").notNull(),
    weeklyPattern: jsonb("weekly_pattern").$type<WeeklyOpening[]>().notNull().default([]),
    slotMinutes: integer("slot_minutes").notNull().default(15),
    /** How many residents one slot takes (the desks open at the same time). */
    slotCapacity: integer("slot_capacity").notNull().default(1),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index("counter_locations_tenant_idx").on(t.tenantId),
    check("counter_locations_slot_minutes_ck", sql`${t.slotMinutes} > 0`),
    check("counter_locations_slot_capacity_ck", sql`${t.slotCapacity} > 0`),
  ],
);

/**
 * One bookable time at a counter. Booking takes this row FOR UPDATE and counts the booked appointments,
 * so concurrent bookings of the last place queue behind each other and capacity is never exceeded.
 */
export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    id: id(),
    tenantId: tenantId(),
    locationId: uuid("location_id")
      .notNull()
      .references(() => counterLocations.id),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    capacity: integer("capacity").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("appointment_slots_location_start_uq").on(t.locationId, t.startsAt),
    index("appointment_slots_tenant_start_idx").on(t.tenantId, t.startsAt),
    check("appointment_slots_capacity_ck", sql`${t.capacity} >= 0`),
    check("appointment_slots_period_ck", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export type AppointmentStatus = "booked" | "cancelled";

/**
 * A resident's appointment at a counter, always for one of their questions: confirmation, reminder and
 * cancellation are written to that question's history. A reschedule cancels one row and books another.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    tenantId: tenantId(),
    slotId: uuid("slot_id")
      .notNull()
      .references(() => appointmentSlots.id),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id),
    partyId: uuid("party_id").notNull(),
    status: text("status").$type<AppointmentStatus>().notNull().default("booked"),
    /** When the reminder was queued (once); null until then. */
    reminderSentAt: at("reminder_sent_at"),
    createdAt: createdAt(),
    cancelledAt: at("cancelled_at"),
    /** The appointment this one replaced (a reschedule). */
    replacesId: uuid("replaces_id"),
  },
  (t) => [
    index("appointments_slot_idx").on(t.slotId, t.status),
    index("appointments_party_idx").on(t.tenantId, t.partyId, t.status),
    index("appointments_question_idx").on(t.questionId),
    // One place per resident in one slot.
    uniqueIndex("appointments_slot_party_booked_uq")
      .on(t.slotId, t.partyId)
      .where(sql`${t.status} = 'booked'`),
    check("appointments_status_ck", sql`${t.status} in ('booked', 'cancelled')`),
  ],
);
