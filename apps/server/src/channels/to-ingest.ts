import {
  type IngestInteraction,
  type IngestInteractionInput,
  ingestInteractionSchema,
} from "@omniloket/contract";
import { invalidInput } from "../platform/errors";

/** A channel's translation, checked against the same contract as the API channel (defaults filled in). */
export function toIngest(input: IngestInteractionInput): IngestInteraction {
  const parsed = ingestInteractionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const params = parsed.error.issues.map((issue) => ({
    name: issue.path.join(".") || "body",
    code: issue.code,
    reason: issue.message,
  }));
  throw invalidInput(
    params,
    `Het bericht is niet geldig: controleer ${params.map((p) => p.name).join(", ")}.`,
  );
}
