/** Every channel a resident can reach the municipality through, and the system-to-system API. */
export const CHANNELS = [
  "phone",
  "email",
  "webform",
  "chat",
  "sms",
  "whatsapp",
  "counter",
  "letter",
  "api",
  "portal",
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}
