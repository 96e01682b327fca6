import type { Context } from "hono";
import { AppError } from "../../platform/errors";

export type TwilioForm = { params: Array<[string, string]>; get(name: string): string | undefined };

/** Reads Twilio's form-encoded body; anything else is refused before it is looked at. */
export async function readTwilioForm(c: Context): Promise<TwilioForm> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new AppError(
      "unsupported-media-type",
      "unsupported-media-type",
      "Stuur de gegevens als application/x-www-form-urlencoded.",
      [{ name: "content-type", code: "unsupported", reason: "Verwacht application/x-www-form-urlencoded." }],
    );
  }
  const text = new TextDecoder("utf-8").decode(await c.req.arrayBuffer());
  const params = [...new URLSearchParams(text).entries()];
  return {
    params,
    get: (name) => {
      const value = params.find(([key]) => key === name)?.[1]?.trim();
      return value ? value : undefined;
    },
  };
}
