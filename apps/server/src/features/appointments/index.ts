export {
  addCounterLocation,
  type CounterLocationInput,
  type CounterLocationSettings,
  listCounterLocationSettings,
} from "./add-counter-location";
export { APPOINTMENT_WHATSAPP_TEMPLATE } from "./appointment-message";
export type { MyAppointment } from "./appointment-rows";
export {
  type AppointmentResult,
  BOOKING_LEAD_MS,
  type BookingRefusal,
  bookedCount,
} from "./appointment-steps";
export { appointmentTimeText } from "./appointment-texts";
export { APPOINTMENTS_CHANNEL, requestAppointmentsRun, startAppointmentsWorker } from "./appointments-worker";
export { bookAppointment } from "./book-appointment";
export { cancelAppointment } from "./cancel-appointment";
export { registerCounterLocationRoutes } from "./counter-locations.routes";
export { BOOKING_WEEKS, generateSlots } from "./generate-slots";
export { getMyAppointment } from "./get-my-appointment";
export {
  type CounterLocation,
  type FreeDay,
  type FreeSlot,
  listCounterLocations,
  listFreeSlots,
} from "./list-free-slots";
export { listMyAppointments } from "./list-my-appointments";
export { rescheduleAppointment } from "./reschedule-appointment";
export { REMINDER_BEFORE_MS, sendAppointmentReminders } from "./send-appointment-reminders";
