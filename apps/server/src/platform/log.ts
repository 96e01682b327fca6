import pino from "pino";

/** Personal data never reaches the logs: these paths are redacted wherever they appear. */
const redactPaths = [
  "*.email",
  "*.phone",
  "*.bsn",
  "*.name",
  "*.text",
  "*.subject",
  "*.identifiers",
  "*.password",
  "*.value",
  "req.headers.authorization",
  "req.headers.cookie",
];

export type Logger = pino.Logger;

export function createLogger(level = "info", destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: "[verborgen]" }, base: undefined }, destination);
}
