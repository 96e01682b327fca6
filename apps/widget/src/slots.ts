/** Callback slots to choose from: the next three working days at 9, 11, 13 and 15 hours (the visitor's clock). */
export function callbackSlots(now: Date, locale: string): Array<{ value: string; label: string }> {
  const slots: Array<{ value: string; label: string }> = [];
  const day = new Date(now);
  while (slots.length < 12) {
    day.setDate(day.getDate() + 1);
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    for (const hour of [9, 11, 13, 15]) {
      const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour);
      slots.push({
        value: start.toISOString(),
        label: start.toLocaleString(locale, {
          weekday: "long",
          day: "numeric",
          month: "long",
          hour: "2-digit",
          minute: "2-digit",
        }),
      });
    }
  }
  return slots;
}
