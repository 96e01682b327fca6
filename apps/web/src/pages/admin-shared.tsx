import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { Checkbox, CheckboxGroup, Label, Text } from "react-aria-components";
import { ApiError, api } from "../api";
import { type Language, useI18n, useMessages } from "../i18n";
import { useFocusOnMount } from "../layout";
import type { AdminTopic, AdminTopics } from "./admin-types";

export const messages = {
  nl: {
    adminNav: "Beheer",
    home: "Overzicht",
    teams: "Teams",
    employees: "Medewerkers",
    routing: "Routering en normen",
    forms: "Formulieren",
    knowledge: "Kennisbank",
    quarantine: "Quarantaine",
    deadLetters: "Onbestelbaar",
    loading: "Laden…",
    loadError: "Deze gegevens kunnen nu niet worden geladen",
    errorSummary: "Er is een probleem",
    save: "Opslaan",
    saving: "Bezig met opslaan…",
    cancel: "Annuleren",
    edit: "Bewerken",
    topics: "Onderwerpen",
    noTopics: "Geen onderwerpen",
    allTopics: "Alle onderwerpen",
    yes: "Ja",
    no: "Nee",
    required: (field: string) => `Vul ${field} in.`,
    roles: {
      agent: "Klantcontactmedewerker",
      "back-office": "Backoffice",
      "case-guide": "Casusregisseur",
      supervisor: "Teamleider",
      analyst: "Analist",
      "privacy-officer": "Privacyfunctionaris",
      admin: "Beheerder",
      system: "Systeem",
    } as Record<string, string>,
  },
  en: {
    adminNav: "Administration",
    home: "Overview",
    teams: "Teams",
    employees: "Employees",
    routing: "Routing and norms",
    forms: "Forms",
    knowledge: "Knowledge base",
    quarantine: "Quarantine",
    deadLetters: "Undeliverable",
    loading: "Loading…",
    loadError: "This information cannot be loaded now",
    errorSummary: "There is a problem",
    save: "Save",
    saving: "Saving…",
    cancel: "Cancel",
    edit: "Edit",
    topics: "Topics",
    noTopics: "No topics",
    allTopics: "All topics",
    yes: "Yes",
    no: "No",
    required: (field: string) => `Please fill in ${field}.`,
    roles: {
      agent: "Agent",
      "back-office": "Back office",
      "case-guide": "Case guide",
      supervisor: "Supervisor",
      analyst: "Analyst",
      "privacy-officer": "Privacy officer",
      admin: "Administrator",
      system: "System",
    } as Record<string, string>,
  },
};

export type AdminMessages = (typeof messages)["nl"];

const pages = [
  ["/beheer", "home"],
  ["/beheer/teams", "teams"],
  ["/beheer/medewerkers", "employees"],
  ["/beheer/routering", "routing"],
  ["/beheer/formulieren", "forms"],
  ["/beheer/kennisbank", "knowledge"],
  ["/beheer/quarantaine", "quarantine"],
  ["/beheer/onbestelbaar", "deadLetters"],
] as const;

/** The frame of every admin page: the admin menu, the page heading (focused on open) and an intro. */
export function AdminPage(props: { title: string; intro: string; children: ReactNode }) {
  const m = useMessages(messages);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="admin-page">
      <nav className="admin-nav" aria-label={m.adminNav}>
        <ul className="admin-nav-list">
          {pages.map(([to, key]) => (
            <li key={to}>
              <Link
                to={to}
                className="utrecht-link admin-nav-link"
                activeOptions={{ exact: true }}
                activeProps={{ "aria-current": "page" }}
              >
                {m[key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-content">
        <h1 ref={heading} tabIndex={-1} className="utrecht-heading-1">
          {props.title}
        </h1>
        <p className="utrecht-paragraph">{props.intro}</p>
        {props.children}
      </div>
    </div>
  );
}

/** A GET of the admin API; a lapsed session goes back to the login page. */
export function useAdminQuery<T>(key: readonly unknown[], path: string) {
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ["admin", ...key], queryFn: () => api<T>(path) });
  useEffect(() => {
    if (query.error instanceof ApiError && query.error.problem.status === 401) {
      void navigate({ to: "/inloggen" });
    }
  }, [query.error, navigate]);
  return query;
}

/** Loading text, or a calm error with the server's explanation. */
export function QueryState(props: { isPending: boolean; error: unknown }) {
  const m = useMessages(messages);
  if (props.isPending) return <p className="utrecht-paragraph">{m.loading}</p>;
  if (!props.error) return null;
  return (
    <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
      <h2 className="utrecht-heading-2">{m.loadError}</h2>
      <p className="utrecht-paragraph">
        {props.error instanceof ApiError ? props.error.problem.detail : String(props.error)}
      </p>
    </div>
  );
}

export type FieldErrors = { field?: string; message: string }[];

/**
 * A problem+json answer as summary entries. `fields` maps an invalid parameter to the id of its
 * field; "items.2.label" also matches "items.2.label", then "items.2", then "items".
 */
export function adminProblemErrors(error: unknown, fields: Record<string, string>): FieldErrors {
  if (!(error instanceof ApiError)) return [{ message: String(error) }];
  const fieldOf = (name: string) => {
    const parts = name.split(".");
    for (let n = parts.length; n > 0; n--) {
      const field = fields[parts.slice(0, n).join(".")];
      if (field) return field;
    }
    return undefined;
  };
  const params = error.problem.invalidParams ?? [];
  if (params.length === 0) return [{ message: error.problem.detail }];
  // A 400 names each field's own problem; a conflict explains itself best in its detail.
  if (error.problem.status !== 400)
    return [{ field: fieldOf(params[0]?.name ?? ""), message: error.problem.detail }];
  return params.map((p) => ({ field: fieldOf(p.name), message: p.reason }));
}

/** Errors for a form's summary; `attempt` changes on every failure so the summary takes focus again. */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>([]);
  const [attempt, setAttempt] = useState(0);
  const fail = useCallback((next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  }, []);
  const failWith = useCallback(
    (error: unknown, fields: Record<string, string>) => fail(adminProblemErrors(error, fields)),
    [fail],
  );
  const clear = useCallback(() => setErrors([]), []);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return { errors, attempt, fail, failWith, clear, errorFor };
}

/** The topic list from the server, for pickers and names. */
export function useTopics() {
  return useAdminQuery<AdminTopics>(["topics"], "/admin/topics");
}

export function topicName(topics: readonly AdminTopic[] | undefined, id: string, language: Language) {
  const topic = topics?.find((t) => t.id === id);
  return topic ? topic[language] : id;
}

/** "Afval, Belastingen" or the fallback when there are none. */
export function TopicNames(props: {
  ids: readonly string[];
  topics: readonly AdminTopic[] | undefined;
  none: string;
}) {
  const { language } = useI18n();
  if (props.ids.length === 0) return <>{props.none}</>;
  return <>{props.ids.map((id) => topicName(props.topics, id, language)).join(", ")}</>;
}

/** A group of checkboxes for topics, in columns. */
export function TopicPicker(props: {
  id: string;
  label: string;
  description?: string;
  topics: readonly AdminTopic[];
  value: string[];
  onChange(value: string[]): void;
  error?: string;
}) {
  const { language } = useI18n();
  return (
    <CheckboxGroup
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      isInvalid={!!props.error}
      className="utrecht-form-field admin-checkboxes"
    >
      <Label className="utrecht-form-label">{props.label}</Label>
      {props.description && (
        <Text slot="description" className="utrecht-form-field-description">
          {props.description}
        </Text>
      )}
      <div className="admin-checkbox-columns">
        {props.topics.map((topic) => (
          <Checkbox key={topic.id} value={topic.id} className="checkbox">
            {topic[language]}
          </Checkbox>
        ))}
      </div>
      {props.error && <p className="utrecht-form-field-error-message">{props.error}</p>}
    </CheckboxGroup>
  );
}

/** A polite live region for "saved" messages. */
export function StatusMessage(props: { message: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {props.message && <p className="utrecht-alert utrecht-alert--ok">{props.message}</p>}
    </div>
  );
}
