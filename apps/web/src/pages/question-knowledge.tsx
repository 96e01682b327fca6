import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button, Form, Input, Label, TextField } from "react-aria-components";
import { ApiError, api, type CannedText, type KnowledgeHit } from "../api";
import { useI18n } from "../i18n";

/** Adds an inserted text to what is written so far, after a blank line. */
export function appendText(current: string, addition: string): string {
  return current.trim() ? `${current.trimEnd()}\n\n${addition}` : addition;
}

/**
 * Knowledge-base search and canned texts; both insert into the text being written (the reply composer
 * and the chat box each have one). `idPrefix` keeps two panels on one page apart; `title` and
 * `insertLabel` say where the text goes.
 */
export function KnowledgePanel(props: {
  questionId: string;
  topicId: string | null;
  onInsert: (text: string) => void;
  idPrefix?: string;
  title?: string;
  insertLabel?: string;
}) {
  const { t } = useI18n();
  const prefix = props.idPrefix ?? "";
  const insertLabel = props.insertLabel ?? t.insert;
  const [query, setQuery] = useState("");
  const [cannedTextId, setCannedTextId] = useState("");
  const search = useMutation({
    mutationFn: (terms: string) =>
      api<{ items: KnowledgeHit[] }>("/knowledge-answers/_search", {
        method: "POST",
        body: { query: terms, ...(props.topicId ? { topicId: props.topicId } : {}) },
      }),
  });
  const cannedTexts = useQuery({
    queryKey: ["canned-texts"],
    queryFn: () => api<{ items: CannedText[] }>("/canned-texts"),
  });
  const render = useMutation({
    mutationFn: (id: string) =>
      api<{ text: string }>(`/questions/${props.questionId}/canned-texts/${id}/_render`, {
        method: "POST",
        body: {},
      }),
    onSuccess: (rendered) => props.onInsert(rendered.text),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (query.trim()) search.mutate(query.trim());
  };
  const failure = search.error ?? render.error;

  return (
    <section aria-labelledby={`${prefix}knowledge-title`} className="knowledge">
      <h3 id={`${prefix}knowledge-title`} className="utrecht-heading-3">
        {props.title ?? t.knowledgeTitle}
      </h3>
      <Form onSubmit={submit} role="search" className="werkplek-form">
        <TextField value={query} onChange={setQuery} className="utrecht-form-field">
          <Label className="utrecht-form-label">{t.knowledgeSearch}</Label>
          <Input className="utrecht-textbox" />
        </TextField>
        <Button type="submit" isDisabled={search.isPending} className="utrecht-button">
          {t.knowledgeSearchButton}
        </Button>
      </Form>
      <div aria-live="polite">
        {search.data && search.data.items.length === 0 && (
          <p className="utrecht-paragraph">{t.knowledgeNoResults}</p>
        )}
        {search.data && search.data.items.length > 0 && (
          <ul className="utrecht-unordered-list knowledge-results">
            {search.data.items.map((hit) => (
              <li key={hit.id}>
                <strong>{hit.title}</strong>
                <p className="utrecht-paragraph">{hit.body}</p>
                <Button
                  className="utrecht-button utrecht-button--subtle"
                  aria-label={`${insertLabel}: ${hit.title}`}
                  onPress={() => props.onInsert(hit.body)}
                >
                  {insertLabel}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {cannedTexts.data && cannedTexts.data.items.length > 0 && (
        <div className="utrecht-form-field">
          <label htmlFor={`${prefix}canned-text`} className="utrecht-form-label">
            {t.cannedText}
          </label>
          <select
            id={`${prefix}canned-text`}
            className="utrecht-select"
            value={cannedTextId}
            onChange={(event) => setCannedTextId(event.target.value)}
          >
            <option value="">{t.cannedTextChoose}</option>
            {cannedTexts.data.items.map((text) => (
              <option key={text.id} value={text.id}>
                {text.name}
              </option>
            ))}
          </select>
          <Button
            id={`${prefix}canned-text-insert`}
            className="utrecht-button"
            isDisabled={!cannedTextId || render.isPending}
            onPress={() => render.mutate(cannedTextId)}
          >
            {insertLabel}
          </Button>
        </div>
      )}
      {failure && (
        <p className="utrecht-paragraph" role="alert">
          {failure instanceof ApiError ? failure.problem.detail : String(failure)}
        </p>
      )}
    </section>
  );
}
