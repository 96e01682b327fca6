import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { ApiError, api } from "../api";
import { channelName, type Language, type Messages, useI18n } from "../i18n";
import { useFocusOnMount } from "../layout";
import { useLiveUpdates } from "../live";

type Bin = { fromSeconds: number; toSeconds: number | null; count: number };
type QueueStats = {
  channel: string;
  depth: number;
  waitingSeconds: { p50: number | null; p90: number | null; max: number | null };
  histogram: Bin[];
};
type PresenceItem = {
  employeeId: string;
  name: string;
  presence: string;
  load: Record<string, number>;
  capacityUsed: number;
};

const REFRESH_MS = 15_000;
const LOAD_CHANNELS = ["phone", "chat", "email", "other"] as const;

/** "12 min", "3 uur", "2 dagen": the largest whole unit, short. */
export function formatWait(language: Language, seconds: number): string {
  if (seconds < 60) return language === "nl" ? "minder dan 1 min" : "under 1 min";
  const minutes = Math.round(seconds / 60);
  const [value, unit] =
    minutes < 60
      ? [minutes, "minute"]
      : minutes < 60 * 48
        ? [Math.round(minutes / 60), "hour"]
        : [Math.round(minutes / (60 * 24)), "day"];
  return new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "short" }).format(value);
}

const binLabel = (t: Messages, language: Language, bin: Bin) =>
  bin.toSeconds === null
    ? t.waitAtLeast(formatWait(language, bin.fromSeconds))
    : bin.fromSeconds === 0
      ? t.waitUnder(formatWait(language, bin.toSeconds))
      : t.waitBetween(formatWait(language, bin.fromSeconds), formatWait(language, bin.toSeconds));

const SUPERVISION_KEYS = [["supervision"]] as const;
/** A busy centre changes every second; one refresh per two seconds is live enough for a wallboard. */
const LIVE_SETTLE_MS = 2_000;

/** Supervisors: queue depth and waiting-time distribution per channel, and employees' presence and load. */
export function SupervisionPage() {
  const { t, language } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const navigate = useNavigate();
  const queues = useQuery({
    queryKey: ["supervision", "queues"],
    queryFn: () => api<{ items: QueueStats[] }>("/supervision/queues"),
    refetchInterval: REFRESH_MS,
  });
  const presence = useQuery({
    queryKey: ["supervision", "presence"],
    queryFn: () => api<{ items: PresenceItem[] }>("/presence"),
    refetchInterval: REFRESH_MS,
  });
  // Changes show within seconds; the interval keeps the waiting times growing between changes.
  useLiveUpdates(SUPERVISION_KEYS, { settleMs: LIVE_SETTLE_MS });

  useEffect(() => {
    for (const error of [queues.error, presence.error]) {
      if (error instanceof ApiError && error.problem.status === 401) void navigate({ to: "/inloggen" });
    }
  }, [queues.error, presence.error, navigate]);

  const wait = (s: number | null) => (s === null ? t.nobodyWaiting : formatWait(language, s));
  const problem = queues.error ?? presence.error;
  return (
    <div className="supervision-page">
      <h1 ref={heading} tabIndex={-1} className="utrecht-heading-1">
        {t.supervisionTitle}
      </h1>
      <p className="utrecht-paragraph">{t.supervisionIntro}</p>
      {(queues.isPending || presence.isPending) && <p>{t.loading}</p>}
      {problem && (
        <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
          <h2 className="utrecht-heading-2">{t.supervisionError}</h2>
          <p className="utrecht-paragraph">
            {problem instanceof ApiError ? problem.problem.detail : String(problem)}
          </p>
        </div>
      )}
      <h2 className="utrecht-heading-2">{t.queuesTitle}</h2>
      {queues.isSuccess && queues.data.items.length === 0 && (
        <p className="utrecht-paragraph">{t.noQueues}</p>
      )}
      {queues.data?.items.map((q) => {
        const name = channelName(t, q.channel);
        const most = Math.max(1, ...q.histogram.map((b) => b.count));
        return (
          <section key={q.channel} className="supervision-channel" data-testid="queue-channel">
            <h3 className="utrecht-heading-3">{name}</h3>
            <table className="utrecht-table supervision-table">
              <caption className="utrecht-table__caption">{t.queueCaption(name)}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t.queueDepth}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t.waitP50}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t.waitP90}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t.waitMax}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                <tr className="utrecht-table__row">
                  <td className="utrecht-table__cell">{q.depth}</td>
                  <td className="utrecht-table__cell">{wait(q.waitingSeconds.p50)}</td>
                  <td className="utrecht-table__cell">{wait(q.waitingSeconds.p90)}</td>
                  <td className="utrecht-table__cell">{wait(q.waitingSeconds.max)}</td>
                </tr>
              </tbody>
            </table>
            <table className="utrecht-table supervision-histogram">
              <caption className="utrecht-table__caption">{t.histogramCaption(name)}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t.waitingTime}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t.waitingCount}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    <span className="visually-hidden">{t.histogramBar}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {q.histogram.map((bin) => (
                  <tr key={bin.fromSeconds} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      {binLabel(t, language, bin)}
                    </th>
                    <td className="utrecht-table__cell">{bin.count}</td>
                    <td className="utrecht-table__cell">
                      <svg width="160" height="14" aria-hidden="true" focusable="false">
                        <rect x="0" y="1" height="12" width={(bin.count / most) * 160} fill="currentColor" />
                      </svg>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      <h2 className="utrecht-heading-2">{t.employeesTitle}</h2>
      {presence.isSuccess && (
        <table className="utrecht-table supervision-table">
          <caption className="utrecht-table__caption">{t.employeesCaption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t.employeeName}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t.presenceLabel}
              </th>
              {LOAD_CHANNELS.map((c) => (
                <th key={c} scope="col" className="utrecht-table__header-cell">
                  {t.openOn(c === "other" ? t.otherChannels : channelName(t, c))}
                </th>
              ))}
              <th scope="col" className="utrecht-table__header-cell">
                {t.capacityUsed}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {presence.data.items.map((e) => (
              <tr key={e.employeeId} className="utrecht-table__row" data-testid="employee-presence">
                <th scope="row" className="utrecht-table__header-cell">
                  {e.name}
                </th>
                <td className="utrecht-table__cell">{t.presences[e.presence] ?? e.presence}</td>
                {LOAD_CHANNELS.map((c) => (
                  <td key={c} className="utrecht-table__cell">
                    {e.load[c] ?? 0}
                  </td>
                ))}
                <td className="utrecht-table__cell">
                  {new Intl.NumberFormat(language, { style: "percent" }).format(e.capacityUsed)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
