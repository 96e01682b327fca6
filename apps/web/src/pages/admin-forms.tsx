import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Switch } from "react-aria-components";
import { ApiError, api } from "../api";
import { useI18n, useMessages } from "../i18n";
import { AdminTable } from "./admin-form-parts";
import { AdminPage, QueryState, StatusMessage, topicName, useAdminQuery, useTopics } from "./admin-shared";
import type { AdminWebForm, Items } from "./admin-types";

export const messages = {
  nl: {
    title: "Formulieren",
    intro:
      "Webformulieren waarmee inwoners een vraag stellen. Zet een formulier uit als uw gemeente het niet gebruikt; het adres geeft dan de melding dat het formulier niet bestaat.",
    caption: "Webformulieren en hun adres",
    form: "Formulier",
    address: "Adres voor inwoners",
    topic: "Onderwerp",
    noTopic: "Nog niet bekend",
    state: "Aan of uit",
    enabledLabel: (title: string) => `${title} beschikbaar voor inwoners`,
    on: "Aan",
    off: "Uit",
    switchedOn: (title: string) => `${title} staat nu aan.`,
    switchedOff: (title: string) => `${title} staat nu uit.`,
  },
  en: {
    title: "Forms",
    intro:
      "Web forms residents use to ask a question. Switch a form off when your municipality does not use it; its address then says the form does not exist.",
    caption: "Web forms and their address",
    form: "Form",
    address: "Address for residents",
    topic: "Topic",
    noTopic: "Not known yet",
    state: "On or off",
    enabledLabel: (title: string) => `${title} available to residents`,
    on: "On",
    off: "Off",
    switchedOn: (title: string) => `${title} is now on.`,
    switchedOff: (title: string) => `${title} is now off.`,
  },
};

/** Admins: the web forms with their public address, each switched on or off for this municipality. */
export function AdminFormsPage() {
  const m = useMessages(messages);
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const forms = useAdminQuery<Items<AdminWebForm>>(["web-forms"], "/admin/web-forms");
  const topics = useTopics();
  const [status, setStatus] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: (input: { form: AdminWebForm; enabled: boolean }) =>
      api<AdminWebForm>(`/admin/web-forms/${input.form.id}`, {
        method: "PUT",
        body: { enabled: input.enabled },
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["admin", "web-forms"] });
      const title = saved.title[language];
      setStatus(saved.enabled ? m.switchedOn(title) : m.switchedOff(title));
    },
    onError: (error) => setStatus(error instanceof ApiError ? error.problem.detail : String(error)),
  });
  const items = forms.data?.items ?? [];
  return (
    <AdminPage title={m.title} intro={m.intro}>
      <StatusMessage message={status} />
      <QueryState isPending={forms.isPending} error={forms.error} />
      {items.length > 0 && (
        <AdminTable caption={m.caption} columns={[m.form, m.address, m.topic, m.state]}>
          {items.map((form) => (
            <tr key={form.id} className="utrecht-table__row" data-testid="admin-form">
              <th scope="row" className="utrecht-table__cell">
                {form.title[language]}
              </th>
              <td className="utrecht-table__cell">
                <a className="utrecht-link" href={form.url}>
                  {form.url}
                </a>
              </td>
              <td className="utrecht-table__cell">
                {form.topicId ? topicName(topics.data?.topics, form.topicId, language) : m.noTopic}
              </td>
              <td className="utrecht-table__cell">
                <Switch
                  className="admin-switch"
                  isSelected={form.enabled}
                  isDisabled={toggle.isPending}
                  aria-label={m.enabledLabel(form.title[language])}
                  onChange={(enabled) => {
                    setStatus(null);
                    toggle.mutate({ form, enabled });
                  }}
                >
                  <span className="admin-switch-track" aria-hidden="true" />
                  {form.enabled ? m.on : m.off}
                </Switch>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </AdminPage>
  );
}
