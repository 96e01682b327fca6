import type { Queryable } from "@omniloket/db";
import type { FormDefinition } from "../../channels/webform";
import { disabledWebForms } from "../organisation";

export type WebFormView = {
  id: string;
  title: { nl: string; en: string };
  topicId: string | null;
  url: string;
  enabled: boolean;
};

/** The web forms this installation offers, with their public address for this municipality and whether it is on. */
export async function listWebForms(
  q: Queryable,
  input: { tenantId: string; tenantSlug: string; forms: ReadonlyMap<string, FormDefinition> },
): Promise<WebFormView[]> {
  const disabled = new Set(await disabledWebForms(q, input.tenantId));
  return [...input.forms.values()]
    .map((form) => ({
      id: form.id,
      title: form.title,
      topicId: form.topicId ?? null,
      url: `/formulieren/${encodeURIComponent(input.tenantSlug)}/${encodeURIComponent(form.id)}`,
      enabled: !disabled.has(form.id),
    }))
    .sort((a, b) => a.title.nl.localeCompare(b.title.nl, "nl"));
}
