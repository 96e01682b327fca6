import { useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../api";
import { formatDateTime, useI18n, useMessages } from "../i18n";
import { messages } from "./case-guidance-effect-messages";
import { messages as worklistMessages } from "./case-guidance-messages";

type Distribution = { n: number; p25: number; median: number; p75: number } | null;
type RuleEffect = {
  ruleId: string;
  raised: number;
  accepted: number;
  dismissed: number;
  snoozed: number;
  open: number;
  windows: {
    days: number;
    measured: number;
    notYetMeasurable: number;
    fewer: number;
    same: number;
    more: number;
    change: Distribution;
  }[];
  resolution: { questions: number; resolved: number; unresolved: number; days: Distribution };
  feedback: { helped: number; notHelped: number; noAnswer: number };
};
type FairnessGroup = {
  value: string;
  label: string;
  tooSmall: boolean;
  residents: number | null;
  signalsRaised: number | null;
  raisedPer100: number | null;
  signalsAccepted: number | null;
  acceptedShare: number | null;
};
type SignalEffect = {
  signalId: string;
  ruleId: string;
  decidedAt: string;
  windows: { days: number; before: number; after: number | null }[];
  questions: { questionId: string; reference: string; resolved: boolean; daysToResolution: number | null }[];
  feedback: { questionId: string; helped: boolean; comment: string | null }[];
};
type EffectReport = {
  rules: RuleEffect[];
  fairness: {
    minGroupResidents: number;
    residents: number;
    withoutConsent: number;
    dimensions: { id: string; label: string; groups: FairnessGroup[] }[];
  };
  signals: SignalEffect[] | null;
  hiddenSignals: number;
};

const th = "utrecht-table__header-cell";
const td = "utrecht-table__cell";

/**
 * Effect and fairness of the signal rules on the Casusregie page: per rule what was found and decided,
 * the effect of acting on it as counts and quartiles (never a lone average, a period not yet passed is
 * "nog niet te meten"), per group the signals per 100 residents and the share accepted (small groups
 * "te klein"), and, for case guides, each accepted signal's own effect. Real tables with captions.
 */
export function SignalEffectSection() {
  const m = useMessages(messages);
  const rules = useMessages(worklistMessages).rules;
  const { language } = useI18n();
  const report = useQuery({
    queryKey: ["signals", "effect"],
    queryFn: () => api<EffectReport>("/signals/effect"),
  });
  const number = (n: number) => new Intl.NumberFormat(language === "nl" ? "nl-NL" : "en-GB").format(n);
  const percent = (share: number) =>
    new Intl.NumberFormat(language === "nl" ? "nl-NL" : "en-GB", { style: "percent" }).format(share);
  const quartiles = (d: Distribution, text: (q: { p25: string; median: string; p75: string }) => string) =>
    d ? text({ p25: number(d.p25), median: number(d.median), p75: number(d.p75) }) : m.none;
  const ruleName = (id: string) => rules[id] ?? id;
  const data = report.data;
  const acted = data?.rules.filter((r) => r.accepted > 0) ?? [];

  return (
    <section aria-labelledby="effect-titel" className="signal-effect" data-testid="signal-effect">
      <h2 id="effect-titel" className="utrecht-heading-2">
        {m.title}
      </h2>
      <p className="utrecht-paragraph">{m.intro}</p>
      {report.isPending && <p>{m.loading}</p>}
      {report.isError && (
        <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
          <h3 className="utrecht-heading-3">{m.error}</h3>
          <p className="utrecht-paragraph">
            {report.error instanceof ApiError ? report.error.problem.detail : String(report.error)}
          </p>
        </div>
      )}
      {data && (
        <>
          <table className="utrecht-table supervision-table">
            <caption className="utrecht-table__caption">{m.decisionsCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {[m.rule, m.raised, m.accepted, m.dismissed, m.snoozed, m.open].map((h) => (
                  <th key={h} scope="col" className={th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {data.rules.map((r) => (
                <tr key={r.ruleId} className="utrecht-table__row">
                  <th scope="row" className={th}>
                    {ruleName(r.ruleId)}
                  </th>
                  {[r.raised, r.accepted, r.dismissed, r.snoozed, r.open].map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                    <td key={i} className={td}>
                      {number(n)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>

          {acted.length === 0 ? (
            <p className="utrecht-paragraph">{m.noAccepted}</p>
          ) : (
            <table className="utrecht-table supervision-table" data-testid="rule-effect">
              <caption className="utrecht-table__caption">{m.effectCaption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className={th}>
                    {m.rule}
                  </th>
                  {acted[0]?.windows.map((w) => (
                    <th key={w.days} scope="col" className={th}>
                      {m.afterDays(w.days)}
                    </th>
                  ))}
                  <th scope="col" className={th}>
                    {m.resolved}
                  </th>
                  <th scope="col" className={th}>
                    {m.resolutionDays}
                  </th>
                  <th scope="col" className={th}>
                    {m.helped}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {acted.map((r) => (
                  <tr key={r.ruleId} className="utrecht-table__row">
                    <th scope="row" className={th}>
                      {ruleName(r.ruleId)}
                    </th>
                    {r.windows.map((w) => (
                      <td key={w.days} className={td}>
                        {m.windowCell(w.fewer, w.same, w.more, w.notYetMeasurable)}
                        {w.change && (
                          <>
                            <br />
                            {quartiles(w.change, m.change)}
                          </>
                        )}
                      </td>
                    ))}
                    <td className={td}>{m.resolvedCell(r.resolution.resolved, r.resolution.questions)}</td>
                    <td className={td}>{quartiles(r.resolution.days, m.quartiles)}</td>
                    <td className={td}>
                      {m.helpedCell(r.feedback.helped, r.feedback.notHelped, r.feedback.noAnswer)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3 className="utrecht-heading-3">{m.fairnessTitle}</h3>
          <p className="utrecht-paragraph">
            {m.fairnessIntro(
              data.fairness.residents,
              data.fairness.withoutConsent,
              data.fairness.minGroupResidents,
            )}
          </p>
          {data.fairness.dimensions.map((dimension) => {
            const name = m.dimensions[dimension.id] ?? dimension.label;
            return (
              <table
                key={dimension.id}
                className="utrecht-table supervision-table"
                data-testid={`fairness-${dimension.id}`}
              >
                <caption className="utrecht-table__caption">{m.fairnessCaption(name)}</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    {[m.group, m.residents, m.per100, m.acceptedShare].map((h) => (
                      <th key={h} scope="col" className={th}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {dimension.groups.map((g) => (
                    <tr key={g.value} className="utrecht-table__row">
                      <th scope="row" className={th}>
                        {m.groupLabel(dimension.id, g.value, g.label)}
                      </th>
                      {g.tooSmall ? (
                        <td className={td} colSpan={3}>
                          {m.tooSmall}
                        </td>
                      ) : (
                        <>
                          <td className={td}>{number(g.residents ?? 0)}</td>
                          <td className={td}>{number(g.raisedPer100 ?? 0)}</td>
                          <td className={td}>
                            {g.acceptedShare === null ? m.noSignals : percent(g.acceptedShare)}
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}

          {data.signals && data.signals.length > 0 && (
            <table className="utrecht-table supervision-table" data-testid="signal-effects">
              <caption className="utrecht-table__caption">{m.signalsCaption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className={th}>
                    {m.rule}
                  </th>
                  <th scope="col" className={th}>
                    {m.decidedAt}
                  </th>
                  {data.signals[0]?.windows.map((w) => (
                    <th key={w.days} scope="col" className={th}>
                      {m.beforeAfter(w.days)}
                    </th>
                  ))}
                  <th scope="col" className={th}>
                    {m.questions}
                  </th>
                  <th scope="col" className={th}>
                    {m.feedback}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {data.signals.map((s) => (
                  <tr key={s.signalId} className="utrecht-table__row">
                    <th scope="row" className={th}>
                      {ruleName(s.ruleId)}
                    </th>
                    <td className={td}>{formatDateTime(language, s.decidedAt)}</td>
                    {s.windows.map((w) => (
                      <td key={w.days} className={td}>
                        {m.beforeAfterCell(w.before, w.after)}
                      </td>
                    ))}
                    <td className={td}>
                      {s.questions.map((q) => (
                        <div key={q.questionId}>
                          {m.questionCell(q.reference, q.resolved, q.daysToResolution)}
                        </div>
                      ))}
                    </td>
                    <td className={td}>
                      {s.feedback.length === 0
                        ? m.noFeedback
                        : s.feedback.map((f) => (
                            <div key={f.questionId}>{m.feedbackCell(f.helped, f.comment)}</div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.hiddenSignals > 0 && data.signals !== null && (
            <p className="utrecht-paragraph">{m.hiddenSignals(data.hiddenSignals)}</p>
          )}
        </>
      )}
    </section>
  );
}
