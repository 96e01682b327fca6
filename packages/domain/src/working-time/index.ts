export type { CalendarDate } from "./calendar-date";
export {
  type DutchHoliday,
  type DutchHolidayKey,
  type DutchHolidayOptions,
  dutchPublicHolidays,
  easterSunday,
  type LiberationDayRule,
} from "./dutch-holidays";
export {
  createDutchWorkingCalendar,
  type DutchWorkingCalendarOptions,
  defaultOpeningHours,
  defaultWorkingCalendar,
  isHoliday,
  type OpeningInterval,
  type Weekday,
  type WorkingCalendar,
} from "./working-calendar";
export { addWorkingMinutes, isWithinOpeningHoursAt, workingMinutesBetween } from "./working-minutes";
