import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button, FieldError, Form, Input, Label, Text, TextField } from "react-aria-components";
import { api } from "../api";
import { channelName, useI18n, useMessages } from "../i18n";
import { ErrorSummary } from "../layout";
import {
  AdminPage,
  QueryState,
  StatusMessage,
  messages as shared,
  useAdminQuery,
  useFormErrors,
  useTopics,
} from "./admin-shared";
import {
  type AdminTopics,
  LOAD_CHANNELS,
  type RoutingWeights,
  type RoutingWeightsAnswer,
  type ServiceNorm,
  type ServiceNormsAnswer,
} from "./admin-types";

export const messages = {
  nl: {
    title: "Routering en servicenormen",
    intro: "Hoeveel vragen iemand tegelijk krijgt, en binnen welke tijd een vraag klaar moet zijn.",
    weightsTitle: "Gewichten per kanaal",
    weightsIntro:
      "Iedere medewerker heeft een capaciteit van 1. Een gewicht is het deel daarvan dat één open vraag via dat kanaal kost. Een getal groter dan 0 en hoogstens 1.",
    weightHelp: (n: string) => `Standaard: ${n}`,
    loadChannels: {
      phone: "Telefoon",
      chat: "Chat en WhatsApp",
      email: "E-mail",
      other: "Overige kanalen",
    } as Record<string, string>,
    weightsSaved: "De gewichten zijn opgeslagen.",
    weightInvalid: (channel: string) => `Vul bij ${channel} een getal in groter dan 0 en hoogstens 1.`,
    saveWeights: "Gewichten opslaan",
    normsTitle: "Servicenormen",
    normsIntro:
      "Per onderwerp en kanaal: binnen hoeveel werkminuten een vraag klaar moet zijn. Een werkdag telt 510 minuten. De meest precieze norm geldt. Er moet een norm zijn voor alle onderwerpen en alle kanalen.",
    normLegend: (n: number) => `Norm ${n}`,
    topic: "Onderwerp",
    channel: "Kanaal",
    anyTopic: "Alle onderwerpen",
    anyChannel: "Alle kanalen",
    minutes: "Werkminuten",
    label: "Omschrijving",
    labelHelp: "Medewerkers en inwoners zien deze tekst.",
    removeNorm: (n: number) => `Norm ${n} verwijderen`,
    remove: "Verwijderen",
    addNorm: "Norm toevoegen",
    saveNorms: "Servicenormen opslaan",
    normsSaved: "De servicenormen zijn opgeslagen.",
    minutesInvalid: (n: number) => `Vul bij norm ${n} een heel aantal werkminuten in.`,
    days: (n: string) => `Dat is ${n} werkdag(en).`,
  },
  en: {
    title: "Routing and service norms",
    intro: "How many questions someone gets at once, and within what time a question must be done.",
    weightsTitle: "Weights per channel",
    weightsIntro:
      "Every employee has a capacity of 1. A weight is the share of it one open question on that channel takes. A number above 0 and at most 1.",
    weightHelp: (n: string) => `Default: ${n}`,
    loadChannels: {
      phone: "Phone",
      chat: "Chat and WhatsApp",
      email: "Email",
      other: "Other channels",
    } as Record<string, string>,
    weightsSaved: "The weights have been saved.",
    weightInvalid: (channel: string) => `Enter a number above 0 and at most 1 for ${channel}.`,
    saveWeights: "Save weights",
    normsTitle: "Service norms",
    normsIntro:
      "Per topic and channel: within how many working minutes a question must be done. A working day has 510 minutes. The most specific norm applies. There must be a norm for all topics and all channels.",
    normLegend: (n: number) => `Norm ${n}`,
    topic: "Topic",
    channel: "Channel",
    anyTopic: "All topics",
    anyChannel: "All channels",
    minutes: "Working minutes",
    label: "Description",
    labelHelp: "Employees and residents see this text.",
    removeNorm: (n: number) => `Remove norm ${n}`,
    remove: "Remove",
    addNorm: "Add norm",
    saveNorms: "Save service norms",
    normsSaved: "The service norms have been saved.",
    minutesInvalid: (n: number) => `Enter a whole number of working minutes for norm ${n}.`,
    days: (n: string) => `That is ${n} working day(s).`,
  },
};

/** Admins: routing weights per capacity channel, and service norms per topic and channel. */
export function AdminRoutingPage() {
  const m = useMessages(messages);
  const weights = useAdminQuery<RoutingWeightsAnswer>(["routing-weights"], "/admin/routing-weights");
  const norms = useAdminQuery<ServiceNormsAnswer>(["service-norms"], "/admin/service-norms");
  const topics = useTopics();
  return (
    <AdminPage title={m.title} intro={m.intro}>
      <QueryState
        isPending={weights.isPending || norms.isPending || topics.isPending}
        error={weights.error ?? norms.error ?? topics.error}
      />
      {weights.data && <WeightsForm answer={weights.data} />}
      {norms.data && topics.data && <NormsForm answer={norms.data} topics={topics.data} />}
    </AdminPage>
  );
}

const format = (n: number) => String(Math.round(n * 10_000) / 10_000);

function WeightsForm({ answer }: { answer: RoutingWeightsAnswer }) {
  const m = useMessages(messages);
  const s = useMessages(shared);
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [status, setStatus] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(LOAD_CHANNELS.map((c) => [c, format(answer.weights[c])])),
  );
  const save = useMutation({
    mutationFn: (body: RoutingWeights) =>
      api<RoutingWeightsAnswer>("/admin/routing-weights", { method: "PUT", body }),
    onSuccess: async () => {
      form.clear();
      setStatus(m.weightsSaved);
      await queryClient.invalidateQueries({ queryKey: ["admin", "routing-weights"] });
    },
    onError: (error) =>
      form.failWith(error, Object.fromEntries(LOAD_CHANNELS.map((c) => [c, `weight-${c}`]))),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(null);
    const parsed = Object.fromEntries(
      LOAD_CHANNELS.map((c) => [c, Number((values[c] ?? "").replace(",", "."))]),
    ) as RoutingWeights;
    const wrong = LOAD_CHANNELS.filter((c) => !(parsed[c] > 0 && parsed[c] <= 1));
    if (wrong.length > 0)
      return form.fail(
        wrong.map((c) => ({ field: `weight-${c}`, message: m.weightInvalid(m.loadChannels[c] ?? c) })),
      );
    save.mutate(parsed);
  };
  return (
    <section className="admin-form-section" aria-labelledby="weights-title">
      <h2 id="weights-title" className="utrecht-heading-2">
        {m.weightsTitle}
      </h2>
      <p className="utrecht-paragraph">{m.weightsIntro}</p>
      <StatusMessage message={status} />
      {form.errors.length > 0 && (
        <ErrorSummary key={form.attempt} title={s.errorSummary} errors={form.errors} />
      )}
      <Form onSubmit={submit} validationBehavior="aria" className="werkplek-form admin-form">
        <div className="admin-field-row">
          {LOAD_CHANNELS.map((c) => (
            <TextField
              key={c}
              name={c}
              value={values[c] ?? ""}
              onChange={(value) => setValues((v) => ({ ...v, [c]: value }))}
              inputMode="decimal"
              isInvalid={!!form.errorFor(`weight-${c}`)}
              className="utrecht-form-field"
            >
              <Label className="utrecht-form-label">{m.loadChannels[c]}</Label>
              <Text slot="description" className="utrecht-form-field-description">
                {m.weightHelp(format(answer.defaults[c]))}
              </Text>
              <Input id={`weight-${c}`} className="utrecht-textbox admin-number" />
              <FieldError className="utrecht-form-field-error-message">
                {form.errorFor(`weight-${c}`)}
              </FieldError>
            </TextField>
          ))}
        </div>
        <Button
          type="submit"
          isDisabled={save.isPending}
          className="utrecht-button utrecht-button--primary-action"
        >
          {save.isPending ? s.saving : m.saveWeights}
        </Button>
      </Form>
    </section>
  );
}

type NormRow = { key: number; topicId: string; channel: string; minutes: string; label: string };

function NormsForm({ answer, topics }: { answer: ServiceNormsAnswer; topics: AdminTopics }) {
  const m = useMessages(messages);
  const s = useMessages(shared);
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [status, setStatus] = useState<string | null>(null);
  const [rows, setRows] = useState<NormRow[]>(() =>
    answer.items.map((n, key) => ({ key, ...n, minutes: String(n.workingMinutes) })),
  );
  const [nextKey, setNextKey] = useState(answer.items.length);
  const update = (key: number, change: Partial<NormRow>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const fields = Object.fromEntries(
    rows.flatMap((row, i) =>
      (["topicId", "channel", "workingMinutes", "label"] as const).map((f) => [
        `items.${i}.${f}`,
        `norm-${row.key}-${f === "workingMinutes" ? "minutes" : f}`,
      ]),
    ),
  );
  const save = useMutation({
    mutationFn: (items: ServiceNorm[]) =>
      api<ServiceNormsAnswer>("/admin/service-norms", { method: "PUT", body: { items } }),
    onSuccess: async () => {
      form.clear();
      setStatus(m.normsSaved);
      await queryClient.invalidateQueries({ queryKey: ["admin", "service-norms"] });
    },
    onError: (error) => form.failWith(error, { ...fields, items: "norm-add" }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(null);
    const wrong = rows
      .map((row, i) => ({ row, n: i + 1 }))
      .filter(({ row }) => !/^\d+$/.test(row.minutes.trim()) || Number(row.minutes) < 1);
    if (wrong.length > 0)
      return form.fail(
        wrong.map(({ row, n }) => ({ field: `norm-${row.key}-minutes`, message: m.minutesInvalid(n) })),
      );
    save.mutate(
      rows.map((row) => ({
        topicId: row.topicId,
        channel: row.channel,
        workingMinutes: Number(row.minutes),
        label: row.label,
      })),
    );
  };

  return (
    <section className="admin-form-section" aria-labelledby="norms-title">
      <h2 id="norms-title" className="utrecht-heading-2">
        {m.normsTitle}
      </h2>
      <p className="utrecht-paragraph">{m.normsIntro}</p>
      <StatusMessage message={status} />
      {form.errors.length > 0 && (
        <ErrorSummary key={form.attempt} title={s.errorSummary} errors={form.errors} />
      )}
      <Form onSubmit={submit} validationBehavior="aria" className="admin-form admin-norms">
        {rows.map((row, i) => {
          const id = (f: string) => `norm-${row.key}-${f}`;
          return (
            <fieldset key={row.key} className="admin-norm" data-testid="service-norm">
              <legend className="utrecht-form-label">{m.normLegend(i + 1)}</legend>
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor={id("topicId")}>
                  {m.topic}
                </label>
                <select
                  id={id("topicId")}
                  className="utrecht-select"
                  value={row.topicId}
                  aria-invalid={form.errorFor(id("topicId")) ? true : undefined}
                  onChange={(e) => update(row.key, { topicId: e.target.value })}
                >
                  <option value="*">{m.anyTopic}</option>
                  {topics.topics.map((topic) => (
                    <option key={topic.id} value={topic.id}>
                      {topic[language]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor={id("channel")}>
                  {m.channel}
                </label>
                <select
                  id={id("channel")}
                  className="utrecht-select"
                  value={row.channel}
                  aria-invalid={form.errorFor(id("channel")) ? true : undefined}
                  onChange={(e) => update(row.key, { channel: e.target.value })}
                >
                  <option value="*">{m.anyChannel}</option>
                  {topics.channels.map((channel) => (
                    <option key={channel} value={channel}>
                      {channelName(t, channel)}
                    </option>
                  ))}
                </select>
              </div>
              <TextField
                value={row.minutes}
                onChange={(minutes) => update(row.key, { minutes })}
                inputMode="numeric"
                isInvalid={!!form.errorFor(id("minutes"))}
                className="utrecht-form-field"
              >
                <Label className="utrecht-form-label">{m.minutes}</Label>
                <Input id={id("minutes")} className="utrecht-textbox admin-number" />
                <Text slot="description" className="utrecht-form-field-description">
                  {m.days(
                    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(
                      Number(row.minutes) / 510 || 0,
                    ),
                  )}
                </Text>
                <FieldError className="utrecht-form-field-error-message">
                  {form.errorFor(id("minutes"))}
                </FieldError>
              </TextField>
              <TextField
                value={row.label}
                onChange={(label) => update(row.key, { label })}
                isInvalid={!!form.errorFor(id("label"))}
                className="utrecht-form-field admin-norm-label"
              >
                <Label className="utrecht-form-label">{m.label}</Label>
                <Text slot="description" className="utrecht-form-field-description">
                  {m.labelHelp}
                </Text>
                <Input id={id("label")} className="utrecht-textbox" />
                <FieldError className="utrecht-form-field-error-message">
                  {form.errorFor(id("label"))}
                </FieldError>
              </TextField>
              <Button
                className="utrecht-button utrecht-button--subtle"
                aria-label={m.removeNorm(i + 1)}
                onPress={() => setRows((all) => all.filter((r) => r.key !== row.key))}
              >
                {m.remove}
              </Button>
            </fieldset>
          );
        })}
        <div className="button-row">
          <Button
            id="norm-add"
            className="utrecht-button utrecht-button--secondary-action"
            onPress={() => {
              setRows((all) => [
                ...all,
                { key: nextKey, topicId: "*", channel: "*", minutes: "2550", label: "" },
              ]);
              setNextKey((k) => k + 1);
            }}
          >
            {m.addNorm}
          </Button>
          <Button
            type="submit"
            isDisabled={save.isPending}
            className="utrecht-button utrecht-button--primary-action"
          >
            {save.isPending ? s.saving : m.saveNorms}
          </Button>
        </div>
      </Form>
    </section>
  );
}
