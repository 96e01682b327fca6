import { normaliseIdentifier, safeFileName } from "@omniloket/domain";
import { type FormDefinition, type FormField, type Lang, maxLengthOf } from "./form-definition";

/** What the body parser gives us: strings and files, sometimes repeated. */
export type RawBody = Record<string, string | File | Array<string | File>>;

export type FieldError = { fieldId: string; message: string };
export type UploadedFile = { fieldId: string; fileName: string; contentType: string; bytes: Uint8Array };
export type Submission = {
  /** Trimmed text per field id; checkboxes "ja" or absent. What the page shows again after an error. */
  values: Record<string, string>;
  files: UploadedFile[];
  errors: FieldError[];
};

const contentTypePattern = /^[\w.+-]+\/[\w.+-]+$/;

function all(body: RawBody, id: string): Array<string | File> {
  const value = body[id];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function firstText(body: RawBody, id: string): string {
  const text = all(body, id).find((v): v is string => typeof v === "string");
  // Browsers send CRLF; control characters other than line breaks and tabs have no place in a question.
  return (
    (text ?? "")
      .replace(/\r\n?/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
      .trim()
  );
}

const messages = {
  required: { nl: (l: string) => `${l}: dit moet u invullen.`, en: (l: string) => `${l}: this is required.` },
  choose: {
    nl: (l: string) => `${l}: kies een van de mogelijkheden.`,
    en: (l: string) => `${l}: choose one of the options.`,
  },
  tooLong: {
    nl: (l: string, n: number) => `${l}: gebruik maximaal ${n} tekens.`,
    en: (l: string, n: number) => `${l}: use at most ${n} characters.`,
  },
  email: {
    nl: (l: string) => `${l}: vul een e-mailadres in zoals naam@voorbeeld.nl.`,
    en: (l: string) => `${l}: enter an email address like name@example.com.`,
  },
  tel: {
    nl: (l: string) => `${l}: vul een telefoonnummer in zoals 06 12345678.`,
    en: (l: string) => `${l}: enter a phone number like 06 12345678.`,
  },
  fileTooLarge: {
    nl: (l: string, mb: string) => `${l}: het bestand is te groot. Het mag maximaal ${mb} MB zijn.`,
    en: (l: string, mb: string) => `${l}: the file is too large. It may be at most ${mb} MB.`,
  },
  tooManyFiles: {
    nl: (l: string, n: number) => `${l}: u kunt maximaal ${n} bestanden meesturen.`,
    en: (l: string, n: number) => `${l}: you can send at most ${n} files.`,
  },
};

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toLocaleString("nl-NL", { maximumFractionDigits: 1 });
}

/** Checks a posted body against the form's definition; pure apart from reading the files' bytes. */
export async function validateSubmission(
  form: FormDefinition,
  body: RawBody,
  lang: Lang,
  maxFileBytes: number,
): Promise<Submission> {
  const values: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const errors: FieldError[] = [];
  const limit = Math.min(form.attachments.maxBytes, maxFileBytes);
  for (const field of form.fields) {
    const label = field.label[lang];
    const fail = (message: string) => errors.push({ fieldId: field.id, message });
    if (field.type === "file") {
      const chosen = all(body, field.id).filter((v): v is File => typeof v !== "string" && v.size > 0);
      if (field.required && chosen.length === 0) fail(messages.required[lang](label));
      else if (chosen.some((f) => f.size > limit)) fail(messages.fileTooLarge[lang](label, megabytes(limit)));
      else if (files.length + chosen.length > form.attachments.maxFiles)
        fail(messages.tooManyFiles[lang](label, form.attachments.maxFiles));
      else
        for (const file of chosen)
          files.push({
            fieldId: field.id,
            fileName: safeFileName(file.name),
            contentType: contentTypePattern.test(file.type) ? file.type : "application/octet-stream",
            bytes: new Uint8Array(await file.arrayBuffer()),
          });
      continue;
    }
    const value = firstText(body, field.id);
    if (field.type === "checkbox") {
      if (value !== "") values[field.id] = "ja";
      else if (field.required) fail(messages.required[lang](label));
      continue;
    }
    values[field.id] = value;
    const problem = problemOf(field, value, lang);
    if (problem) fail(problem);
  }
  return { values, files, errors };
}

function problemOf(field: FormField, value: string, lang: Lang): string | null {
  const label = field.label[lang];
  if (value === "") return field.required ? messages.required[lang](label) : null;
  if ([...value].length > maxLengthOf(field)) return messages.tooLong[lang](label, maxLengthOf(field));
  if (field.type === "select" && !field.options?.some((o) => o.value === value))
    return messages.choose[lang](label);
  if (field.type === "email" && !normaliseIdentifier("email", value).ok) return messages.email[lang](label);
  if (field.type === "tel" && !normaliseIdentifier("phone", value).ok) return messages.tel[lang](label);
  return null;
}
