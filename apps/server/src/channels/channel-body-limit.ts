import { bodyLimit } from "hono/body-limit";
import type { AppDeps } from "../platform/deps";
import { AppError } from "../platform/errors";

/** Channel endpoints live outside /api, so they need their own limit before the raw body is read. */
export function channelBodyLimit(deps: Pick<AppDeps, "config">) {
  const max = deps.config.bodyLimitBytes;
  return bodyLimit({
    maxSize: max,
    onError: () => {
      throw new AppError("body-too-large", "payload-too-large", `Het bericht is groter dan ${max} bytes.`, [
        { name: "body", code: "too-large", reason: `Maximaal ${max} bytes.` },
      ]);
    },
  });
}
