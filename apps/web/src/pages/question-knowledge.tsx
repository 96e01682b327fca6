import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button, Form, Input, Label, TextField } from "react-aria-components";
import { ApiError, api, type CannedText, type KnowledgeHit } from "../api";
import { useI18n } from "../i18n";

/** Knowledge-base search and canned texts beside the reply composer; both insert into the reply text. */
export function KnowledgePanel(props: {
  questionId: string;
  topicId: string | null;
  onInsert: (text: string) => void;
}) {
  const { t } = useI18n();
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
    <section aria-labelledby="knowledge-title" className="knowledge">
      <h3 id="knowledge-title" className="utrecht-heading-3">
        {t.knowledgeTitle}
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
                  aria-label={`${t.insert}: ${hit.title}`}
                  onPress={() => props.onInsert(hit.body)}
                >
                  {t.insert}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {cannedTexts.data && cannedTexts.data.items.length > 0 && (
        <div className="utrecht-form-field">
          <label htmlFor="canned-text" className="utrecht-form-label">
            {t.cannedText}
          </label>
          <select
            id="canned-text"
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
            className="utrecht-button"
            isDisabled={!cannedTextId || render.isPending}
            onPress={() => render.mutate(cannedTextId)}
          >
            {t.insert}
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
