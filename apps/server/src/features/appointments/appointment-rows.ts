import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";

export type MyAppointment = {
  id: string;
  questionId: string;
  reference: string;
  startsAt: Date;
  endsAt: Date;
  locationId: string;
  locationName: string;
  address: string;
};

const appointmentColumns = {
  id: schema.appointments.id,
  questionId: schema.appointments.questionId,
  reference: schema.questions.reference,
  startsAt: schema.appointmentSlots.startsAt,
  endsAt: schema.appointmentSlots.endsAt,
  locationId: schema.counterLocations.id,
  locationName: schema.counterLocations.name,
  address: schema.counterLocations.address,
};

/** Appointments with their slot, counter and question reference. */
export function appointmentsOf(db: Db) {
  return db
    .select(appointmentColumns)
    .from(schema.appointments)
    .innerJoin(schema.appointmentSlots, eq(schema.appointmentSlots.id, schema.appointments.slotId))
    .innerJoin(schema.counterLocations, eq(schema.counterLocations.id, schema.appointmentSlots.locationId))
    .innerJoin(schema.questions, eq(schema.questions.id, schema.appointments.questionId));
}
