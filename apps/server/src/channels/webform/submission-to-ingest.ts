import type { IngestInteraction } from "@omniloket/contract";
import { toIngest } from "../to-ingest";
import type { FormDefinition, Lang } from "./form-definition";
import type { Submission } from "./validate-submission";

/** The contact as staff read it: one "label: value" line per filled field, in Dutch. */
export function composeText(form: FormDefinition, submission: Submission): string {
  const lines: string[] = [];
  for (const field of form.fields) {
    if (field.type === "file") {
      const names = submission.files.filter((f) => f.fieldId === field.id).map((f) => f.fileName);
      if (names.length > 0) lines.push(`${field.label.nl}: ${names.join(", ")}`);
      continue;
    }
    const value = submission.values[field.id];
    if (field.type === "checkbox") lines.push(`${field.label.nl}: ${value ? "ja" : "nee"}`);
    else if (value) {
      const shown =
        field.type === "select" ? (field.options?.find((o) => o.value === value)?.label.nl ?? value) : value;
      lines.push(`${field.label.nl}: ${shown}`);
    }
  }
  return lines.join("\n");
}

/** A valid submission as one inbound contact; the token's nonce makes a double submit land once. */
export function submissionToIngest(
  form: FormDefinition,
  submission: Submission,
  nonce: string,
  lang: Lang,
): IngestInteraction {
  const filled = (predicate: (f: FormDefinition["fields"][number]) => boolean) => {
    const field = form.fields.find(predicate);
    return field ? submission.values[field.id] || undefined : undefined;
  };
  const email = filled((f) => f.type === "email");
  const phone = filled((f) => f.type === "tel");
  const givenName = filled((f) => f.role === "givenName");
  const familyName = filled((f) => f.role === "familyName" || f.role === "fullName");
  return toIngest({
    channel: "webform",
    externalId: `${form.id}:${nonce}`,
    direction: "inbound",
    subject: form.title.nl,
    text: composeText(form, submission),
    language: lang === "en" ? "eng" : "nld",
    ...(form.topicId ? { topicId: form.topicId } : {}),
    sender: {
      identifiers: [
        ...(email ? [{ kind: "email" as const, value: email }] : []),
        ...(phone ? [{ kind: "phone" as const, value: phone }] : []),
      ],
      ...(givenName || familyName ? { name: { givenName, familyName } } : {}),
    },
    attachments: submission.files.map((f) => ({
      fileName: f.fileName,
      contentType: f.contentType,
      contentBase64: Buffer.from(f.bytes).toString("base64"),
    })),
  });
}
