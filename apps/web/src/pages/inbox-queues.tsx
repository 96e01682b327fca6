import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api, type InboxCount } from "../api";
import { useI18n, useMessages } from "../i18n";

export const INBOX_COUNTS_KEY = ["inbox-counts"] as const;

export const messages = {
  nl: {
    queuesTitle: "Wachtrijen",
    queuesCaption: "Open vragen per team en status; de aantallen worden bijgewerkt zodra er iets verandert.",
    team: "Team",
    total: "Totaal",
    overdue: "Te laat",
    noTeam: "Zonder team",
    everything: "Alle wachtrijen",
    countLink: (n: number, team: string, status: string) => `${n} vragen in ${team}, ${status}`,
    countsError: "De aantallen kunnen nu niet worden geladen.",
  },
  en: {
    queuesTitle: "Queues",
    queuesCaption: "Open questions per team and status; the numbers update as soon as something changes.",
    team: "Team",
    total: "Total",
    overdue: "Overdue",
    noTeam: "No team",
    everything: "All queues",
    countLink: (n: number, team: string, status: string) => `${n} questions in ${team}, ${status}`,
    countsError: "The numbers cannot be loaded right now.",
  },
};

type TeamRow = {
  teamId: string | null;
  name: string;
  byStatus: Map<string, number>;
  total: number;
  overdue: number;
};

function byTeam(items: InboxCount[], noTeam: string): TeamRow[] {
  const rows = new Map<string, TeamRow>();
  for (const item of items) {
    const key = item.teamId ?? "";
    const row = rows.get(key) ?? {
      teamId: item.teamId,
      name: item.teamName ?? noTeam,
      byStatus: new Map(),
      total: 0,
      overdue: 0,
    };
    row.byStatus.set(item.status, (row.byStatus.get(item.status) ?? 0) + item.count);
    row.total += item.count;
    row.overdue += item.overdue;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** Queue counts per team and status, each a link that filters the inbox; kept live by the page. */
export function InboxQueues({ statuses }: { statuses: readonly string[] }) {
  const { t } = useI18n();
  const m = useMessages(messages);
  const counts = useQuery({
    queryKey: INBOX_COUNTS_KEY,
    queryFn: () => api<{ items: InboxCount[] }>("/inbox/counts"),
  });
  if (counts.isError) return <p className="utrecht-paragraph">{m.countsError}</p>;
  if (!counts.data) return null;
  const rows = byTeam(counts.data.items, m.noTeam);
  const shown = statuses.filter((s) => rows.some((r) => r.byStatus.has(s)));
  return (
    <section aria-labelledby="queues-title" className="inbox-queues">
      <h2 id="queues-title" className="utrecht-heading-2">
        {m.queuesTitle}
      </h2>
      <table className="utrecht-table queue-table" data-testid="inbox-counts">
        <caption className="utrecht-table__caption">{m.queuesCaption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {m.team}
            </th>
            {shown.map((s) => (
              <th
                key={s}
                scope="col"
                className="utrecht-table__header-cell utrecht-table__header-cell--numeric"
              >
                {t.statuses[s] ?? s}
              </th>
            ))}
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
              {m.total}
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
              {m.overdue}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.teamId ?? "none"} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {row.teamId ? (
                  <Link to="/inbox" search={{ teamId: row.teamId }} className="utrecht-link">
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
              </th>
              {shown.map((s) => {
                const n = row.byStatus.get(s) ?? 0;
                return (
                  <td key={s} className="utrecht-table__cell utrecht-table__cell--numeric">
                    {n > 0 && row.teamId ? (
                      <Link
                        to="/inbox"
                        search={{ teamId: row.teamId, status: s }}
                        className="utrecht-link"
                        aria-label={m.countLink(n, row.name, t.statuses[s] ?? s)}
                      >
                        {n}
                      </Link>
                    ) : (
                      n
                    )}
                  </td>
                );
              })}
              <td className="utrecht-table__cell utrecht-table__cell--numeric">{row.total}</td>
              <td
                className={`utrecht-table__cell utrecht-table__cell--numeric ${row.overdue > 0 ? "queue-overdue" : ""}`}
              >
                {row.overdue}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
