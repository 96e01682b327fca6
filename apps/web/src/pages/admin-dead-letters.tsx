import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { ApiError, api } from "../api";
import { formatDateTime, useI18n, useMessages } from "../i18n";
import { AdminTable } from "./admin-form-parts";
import { AdminPage, QueryState, StatusMessage, useAdminQuery } from "./admin-shared";
import type { DeadLetter, Items } from "./admin-types";

export const messages = {
  nl: {
    title: "Onbestelbare berichten",
    intro:
      "Berichten die na alle pogingen niet verstuurd konden worden. Los eerst de oorzaak op, bijvoorbeeld de kanaalinstellingen, en verstuur het bericht dan opnieuw.",
    caption: "Onbestelbare berichten, nieuwste eerst",
    failedAt: "Opgegeven op",
    type: "Soort",
    attempts: "Pogingen",
    error: "Laatste fout",
    retry: "Opnieuw versturen",
    retryLabel: (id: string) => `Bericht ${id} opnieuw versturen`,
    retried: (id: string) => `Bericht ${id} staat weer in de wachtrij.`,
    empty: "Er zijn geen onbestelbare berichten.",
    types: { "message.send": "Bericht aan inwoner" } as Record<string, string>,
  },
  en: {
    title: "Undeliverable messages",
    intro:
      "Messages that could not be sent after every attempt. Fix the cause first, for example the channel settings, then send the message again.",
    caption: "Undeliverable messages, newest first",
    failedAt: "Given up at",
    type: "Kind",
    attempts: "Attempts",
    error: "Last error",
    retry: "Send again",
    retryLabel: (id: string) => `Send message ${id} again`,
    retried: (id: string) => `Message ${id} is queued again.`,
    empty: "There are no undeliverable messages.",
    types: { "message.send": "Message to resident" } as Record<string, string>,
  },
};

/** Admins: the dead-letter list; each message can be queued again. */
export function AdminDeadLettersPage() {
  const m = useMessages(messages);
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const list = useAdminQuery<Items<DeadLetter>>(["dead-letters"], "/admin/dead-letters");
  const [status, setStatus] = useState<string | null>(null);
  const retry = useMutation({
    mutationFn: (id: string) =>
      api<{ id: string }>(`/admin/dead-letters/${id}/_retry`, { method: "POST", body: {} }),
    onSuccess: async ({ id }) => {
      setStatus(m.retried(id));
      await queryClient.invalidateQueries({ queryKey: ["admin", "dead-letters"] });
      document.getElementById("inhoud")?.focus();
    },
    onError: (error) => setStatus(error instanceof ApiError ? error.problem.detail : String(error)),
  });
  const items = list.data?.items ?? [];
  return (
    <AdminPage title={m.title} intro={m.intro}>
      <StatusMessage message={status} />
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && items.length === 0 && <p className="utrecht-paragraph">{m.empty}</p>}
      {items.length > 0 && (
        <AdminTable
          caption={m.caption}
          columns={[m.failedAt, m.type, m.attempts, m.error]}
          actionColumn={m.retry}
        >
          {items.map((item) => (
            <tr key={item.id} className="utrecht-table__row" data-testid="dead-letter">
              <td className="utrecht-table__cell">
                {item.deadAt ? formatDateTime(language, item.deadAt) : "—"}
              </td>
              <td className="utrecht-table__cell">{m.types[item.type] ?? item.type}</td>
              <td className="utrecht-table__cell">{item.attempts}</td>
              <td className="utrecht-table__cell admin-wrap">{item.lastError ?? "—"}</td>
              <td className="utrecht-table__cell">
                <Button
                  className="utrecht-button utrecht-button--secondary-action"
                  aria-label={m.retryLabel(item.id)}
                  isDisabled={retry.isPending}
                  onPress={() => {
                    setStatus(null);
                    retry.mutate(item.id);
                  }}
                >
                  {m.retry}
                </Button>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </AdminPage>
  );
}
