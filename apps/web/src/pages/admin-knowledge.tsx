import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Form } from "react-aria-components";
import { api } from "../api";
import { useI18n, useMessages } from "../i18n";
import { useFocusOnMount } from "../layout";
import { AdminTextField, EditButton, FormErrorSummary, SaveButtons } from "./admin-form-parts";
import {
  AdminPage,
  QueryState,
  StatusMessage,
  messages as shared,
  topicName,
  useAdminQuery,
  useFormErrors,
  useTopics,
} from "./admin-shared";
import type { AdminCannedText, AdminKnowledgeAnswer, AdminTopic, Items } from "./admin-types";

export const messages = {
  nl: {
    title: "Kennisbank en standaardteksten",
    intro:
      "Antwoorden in de kennisbank helpen medewerkers een vraag te beantwoorden. Standaardteksten zetten zij met één klik in een antwoord.",
    answersTitle: "Antwoorden in de kennisbank",
    answersCaption: "Antwoorden, op titel",
    answerTitle: "Titel",
    topic: "Onderwerp",
    noTopic: "Geen onderwerp",
    body: "Tekst",
    newAnswer: "Nieuw antwoord",
    addAnswer: "Antwoord toevoegen",
    editAnswer: (title: string) => `Antwoord ${title} bewerken`,
    answerSaved: (title: string) => `Antwoord ${title} is opgeslagen.`,
    noAnswers: "Er staan nog geen antwoorden in de kennisbank.",
    cannedTitle: "Standaardteksten",
    cannedCaption: "Standaardteksten, op naam",
    name: "Naam",
    variablesHelp: "U kunt deze variabelen gebruiken: {{voornaam}}, {{kenmerk}} en {{onderwerp}}.",
    newCanned: "Nieuwe standaardtekst",
    addCanned: "Standaardtekst toevoegen",
    editCanned: (name: string) => `Standaardtekst ${name} bewerken`,
    cannedSaved: (name: string) => `Standaardtekst ${name} is opgeslagen.`,
    noCanned: "Er zijn nog geen standaardteksten.",
    titleField: "de titel",
    bodyField: "de tekst",
    nameField: "de naam",
  },
  en: {
    title: "Knowledge base and canned texts",
    intro:
      "Knowledge-base answers help employees answer a question. Canned texts go into a reply with one click.",
    answersTitle: "Knowledge-base answers",
    answersCaption: "Answers, by title",
    answerTitle: "Title",
    topic: "Topic",
    noTopic: "No topic",
    body: "Text",
    newAnswer: "New answer",
    addAnswer: "Add answer",
    editAnswer: (title: string) => `Edit answer ${title}`,
    answerSaved: (title: string) => `Answer ${title} has been saved.`,
    noAnswers: "There are no answers in the knowledge base yet.",
    cannedTitle: "Canned texts",
    cannedCaption: "Canned texts, by name",
    name: "Name",
    variablesHelp:
      "You can use these variables: {{voornaam}} (first name), {{kenmerk}} (reference) and {{onderwerp}} (topic).",
    newCanned: "New canned text",
    addCanned: "Add canned text",
    editCanned: (name: string) => `Edit canned text ${name}`,
    cannedSaved: (name: string) => `Canned text ${name} has been saved.`,
    noCanned: "There are no canned texts yet.",
    titleField: "the title",
    bodyField: "the text",
    nameField: "the name",
  },
};

/** Admins and supervisors: knowledge-base answers and canned texts, each listed with an add or edit form. */
export function AdminKnowledgePage() {
  const m = useMessages(messages);
  return (
    <AdminPage title={m.title} intro={m.intro}>
      <AnswersSection />
      <CannedTextsSection />
    </AdminPage>
  );
}

function EditList<T extends { id: string }>(props: {
  caption: string;
  items: T[];
  label(item: T): string;
  detail(item: T): string;
  editLabel(item: T): string;
  onEdit(item: T): void;
  testId: string;
}) {
  return (
    <ul className="admin-list" aria-label={props.caption}>
      {props.items.map((item) => (
        <li key={item.id} className="admin-list-item" data-testid={props.testId}>
          <div>
            <strong>{props.label(item)}</strong>
            <p className="admin-list-detail">{props.detail(item)}</p>
          </div>
          <EditButton label={props.editLabel(item)} onPress={() => props.onEdit(item)} />
        </li>
      ))}
    </ul>
  );
}

const shorten = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

function AnswersSection() {
  const m = useMessages(messages);
  const { language } = useI18n();
  const answers = useAdminQuery<Items<AdminKnowledgeAnswer>>(["knowledge-answers"], "/knowledge-answers");
  const topics = useTopics();
  const [editing, setEditing] = useState<AdminKnowledgeAnswer | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = answers.data?.items ?? [];
  return (
    <section className="admin-form-section" aria-labelledby="answers-title">
      <h2 id="answers-title" className="utrecht-heading-2">
        {m.answersTitle}
      </h2>
      <StatusMessage message={status} />
      <QueryState isPending={answers.isPending} error={answers.error} />
      {answers.isSuccess && items.length === 0 && <p className="utrecht-paragraph">{m.noAnswers}</p>}
      <EditList
        caption={m.answersCaption}
        items={items}
        testId="knowledge-answer"
        label={(a) => a.title}
        detail={(a) =>
          `${a.topicId ? topicName(topics.data?.topics, a.topicId, language) : m.noTopic} · ${shorten(a.body)}`
        }
        editLabel={(a) => m.editAnswer(a.title)}
        onEdit={(a) => {
          setStatus(null);
          setEditing(a);
        }}
      />
      {topics.data && (
        <AnswerForm
          key={editing?.id ?? "new"}
          answer={editing}
          topics={topics.data.topics}
          onDone={(message) => {
            setEditing(null);
            setStatus(message);
          }}
        />
      )}
    </section>
  );
}

function AnswerForm(props: {
  answer: AdminKnowledgeAnswer | null;
  topics: readonly AdminTopic[];
  onDone(message: string): void;
}) {
  const m = useMessages(messages);
  const s = useMessages(shared);
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const { answer } = props;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [title, setTitle] = useState(answer?.title ?? "");
  const [topicId, setTopicId] = useState(answer?.topicId ?? "");
  const [body, setBody] = useState(answer?.body ?? "");
  const save = useMutation({
    mutationFn: (input: { title: string; body: string; topicId: string | null }) =>
      answer
        ? api<AdminKnowledgeAnswer>(`/knowledge-answers/${answer.id}`, { method: "PUT", body: input })
        : api<AdminKnowledgeAnswer>("/knowledge-answers", { method: "POST", body: input }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["admin", "knowledge-answers"] });
      setTitle("");
      setTopicId("");
      setBody("");
      form.clear();
      props.onDone(m.answerSaved(saved.title));
    },
    onError: (error) =>
      form.failWith(error, { title: "answer-title", body: "answer-body", topicId: "answer-topic" }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [
      ...(title.trim() ? [] : [{ field: "answer-title", message: s.required(m.titleField) }]),
      ...(body.trim() ? [] : [{ field: "answer-body", message: s.required(m.bodyField) }]),
    ];
    if (missing.length > 0) return form.fail(missing);
    save.mutate({ title: title.trim(), body, topicId: topicId || null });
  };
  return (
    <div className="admin-subform">
      <h3 ref={answer ? heading : undefined} tabIndex={-1} className="utrecht-heading-3">
        {answer ? m.editAnswer(answer.title) : m.newAnswer}
      </h3>
      <FormErrorSummary form={form} />
      <Form onSubmit={submit} validationBehavior="aria" className="werkplek-form admin-form">
        <AdminTextField
          id="answer-title"
          label={m.answerTitle}
          value={title}
          onChange={setTitle}
          isRequired
          error={form.errorFor("answer-title")}
        />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="answer-topic">
            {m.topic}
          </label>
          <select
            id="answer-topic"
            className="utrecht-select"
            value={topicId}
            onChange={(e) => setTopicId(e.target.value)}
          >
            <option value="">{m.noTopic}</option>
            {props.topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic[language]}
              </option>
            ))}
          </select>
        </div>
        <AdminTextField
          id="answer-body"
          rows={6}
          label={m.body}
          value={body}
          onChange={setBody}
          isRequired
          error={form.errorFor("answer-body")}
        />
        <SaveButtons
          isPending={save.isPending}
          submitLabel={answer ? s.save : m.addAnswer}
          onCancel={answer ? () => props.onDone("") : undefined}
        />
      </Form>
    </div>
  );
}

function CannedTextsSection() {
  const m = useMessages(messages);
  const texts = useAdminQuery<Items<AdminCannedText>>(["canned-texts"], "/canned-texts");
  const [editing, setEditing] = useState<AdminCannedText | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = texts.data?.items ?? [];
  return (
    <section className="admin-form-section" aria-labelledby="canned-title">
      <h2 id="canned-title" className="utrecht-heading-2">
        {m.cannedTitle}
      </h2>
      <StatusMessage message={status} />
      <QueryState isPending={texts.isPending} error={texts.error} />
      {texts.isSuccess && items.length === 0 && <p className="utrecht-paragraph">{m.noCanned}</p>}
      <EditList
        caption={m.cannedCaption}
        items={items}
        testId="canned-text"
        label={(c) => c.name}
        detail={(c) => shorten(c.body)}
        editLabel={(c) => m.editCanned(c.name)}
        onEdit={(c) => {
          setStatus(null);
          setEditing(c);
        }}
      />
      <CannedTextForm
        key={editing?.id ?? "new"}
        text={editing}
        onDone={(message) => {
          setEditing(null);
          setStatus(message);
        }}
      />
    </section>
  );
}

function CannedTextForm(props: { text: AdminCannedText | null; onDone(message: string): void }) {
  const m = useMessages(messages);
  const s = useMessages(shared);
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const { text } = props;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [name, setName] = useState(text?.name ?? "");
  const [body, setBody] = useState(text?.body ?? "");
  const save = useMutation({
    mutationFn: (input: { name: string; body: string }) =>
      text
        ? api<AdminCannedText>(`/canned-texts/${text.id}`, { method: "PUT", body: input })
        : api<AdminCannedText>("/canned-texts", { method: "POST", body: input }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["admin", "canned-texts"] });
      await queryClient.invalidateQueries({ queryKey: ["canned-texts"] });
      setName("");
      setBody("");
      form.clear();
      props.onDone(m.cannedSaved(saved.name));
    },
    onError: (error) => form.failWith(error, { name: "canned-name", body: "canned-body" }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [
      ...(name.trim() ? [] : [{ field: "canned-name", message: s.required(m.nameField) }]),
      ...(body.trim() ? [] : [{ field: "canned-body", message: s.required(m.bodyField) }]),
    ];
    if (missing.length > 0) return form.fail(missing);
    save.mutate({ name: name.trim(), body });
  };
  return (
    <div className="admin-subform">
      <h3 ref={text ? heading : undefined} tabIndex={-1} className="utrecht-heading-3">
        {text ? m.editCanned(text.name) : m.newCanned}
      </h3>
      <FormErrorSummary form={form} />
      <Form onSubmit={submit} validationBehavior="aria" className="werkplek-form admin-form">
        <AdminTextField
          id="canned-name"
          label={m.name}
          value={name}
          onChange={setName}
          isRequired
          error={form.errorFor("canned-name")}
        />
        <AdminTextField
          id="canned-body"
          rows={5}
          label={m.body}
          description={m.variablesHelp}
          value={body}
          onChange={setBody}
          isRequired
          error={form.errorFor("canned-body")}
        />
        <SaveButtons
          isPending={save.isPending}
          submitLabel={text ? s.save : m.addCanned}
          onCancel={text ? () => props.onDone("") : undefined}
        />
      </Form>
    </div>
  );
}
