import { formatDateTime, useI18n, useMessages } from "../i18n";
import { AdminTable } from "./admin-form-parts";
import { AdminPage, QueryState, useAdminQuery } from "./admin-shared";
import type { Items, QuarantinedMessage } from "./admin-types";

export const messages = {
  nl: {
    title: "Quarantaine",
    intro:
      "Binnengekomen berichten die niet verwerkt konden worden, met de reden. Het lezen van deze lijst wordt vastgelegd.",
    caption: "Berichten in quarantaine, nieuwste eerst",
    received: "Ontvangen",
    channel: "Kanaal",
    reason: "Reden",
    summary: "Samenvatting",
    empty: "Er staan geen berichten in quarantaine.",
    reasons: {
      unparseable: "Bericht niet leesbaar",
      "unknown-recipient": "Geen gemeente bij dit adres",
      "no-sender": "Geen afzender te vinden",
      "auto-reply": "Automatisch antwoord zonder vraag",
      "bounce-unmatched": "Onbestelbaar-melding zonder bericht",
      "imap-failed": "Ophalen uit de mailbox mislukt",
    } as Record<string, string>,
  },
  en: {
    title: "Quarantine",
    intro: "Incoming messages that could not be processed, with the reason. Reading this list is logged.",
    caption: "Quarantined messages, newest first",
    received: "Received",
    channel: "Channel",
    reason: "Reason",
    summary: "Summary",
    empty: "There are no quarantined messages.",
    reasons: {
      unparseable: "Message unreadable",
      "unknown-recipient": "No municipality for this address",
      "no-sender": "No sender found",
      "auto-reply": "Automatic reply without a question",
      "bounce-unmatched": "Bounce without a matching message",
      "imap-failed": "Fetching from the mailbox failed",
    } as Record<string, string>,
  },
};

const summaryText = (summary: Record<string, unknown>) =>
  Object.entries(summary)
    .filter(([, value]) => typeof value === "string" || typeof value === "number")
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(" · ");

/** Admins: quarantined inbound messages with their reason (read-only; the read is audited by the server). */
export function AdminQuarantinePage() {
  const m = useMessages(messages);
  const { t, language } = useI18n();
  const list = useAdminQuery<Items<QuarantinedMessage>>(["quarantine"], "/admin/quarantined-messages");
  const items = list.data?.items ?? [];
  return (
    <AdminPage title={m.title} intro={m.intro}>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.isSuccess && items.length === 0 && <p className="utrecht-paragraph">{m.empty}</p>}
      {items.length > 0 && (
        <AdminTable caption={m.caption} columns={[m.received, m.channel, m.reason, m.summary]}>
          {items.map((item) => (
            <tr key={item.id} className="utrecht-table__row" data-testid="quarantined-message">
              <td className="utrecht-table__cell">{formatDateTime(language, item.receivedAt)}</td>
              <td className="utrecht-table__cell">{t.channels[item.channel] ?? item.channel}</td>
              <td className="utrecht-table__cell">{m.reasons[item.reason] ?? item.reason}</td>
              <td className="utrecht-table__cell admin-wrap">{summaryText(item.summary)}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </AdminPage>
  );
}
