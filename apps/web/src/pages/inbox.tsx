import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { ApiError, api, type InboxItem, type InboxPage as Page } from "../api";
import { channelName, formatDuration, type Language, type Messages, useI18n, useMessages } from "../i18n";
import { useFocusOnMount } from "../layout";
import { useLiveUpdates } from "../live";
import type { InboxSearch } from "../routes";
import { SelectField } from "../select-field";
import { INBOX_COUNTS_KEY, InboxQueues, messages as queueMessages } from "./inbox-queues";

const route = getRouteApi("/inbox");
const STATUSES = ["open", "reopened", "waiting-on-municipality", "waiting-on-resident", "resolved"];
const CHANNELS = [
  "email",
  "phone",
  "whatsapp",
  "sms",
  "webform",
  "chat",
  "counter",
  "letter",
  "portal",
  "api",
];
const PAGE_SIZE = 50;

const inboxLiveMessages = {
  nl: { changed: "Er is iets veranderd in de inbox.", refresh: "Lijst vernieuwen" },
  en: { changed: "Something changed in the inbox.", refresh: "Refresh list" },
};

function inboxPath(search: InboxSearch, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value) params.set(key, value);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(PAGE_SIZE));
  return `/inbox?${params}`;
}

export function DueBadge({ dueAt, now }: { dueAt: string | null; now: number }) {
  const { t, language } = useI18n();
  if (!dueAt) return <span className="due-badge due-badge--none">{t.noDue}</span>;
  const left = new Date(dueAt).getTime() - now;
  const overdue = left < 0;
  const text = overdue ? t.overdue(formatDuration(language, left)) : t.dueIn(formatDuration(language, left));
  return (
    <span
      className={`due-badge ${overdue ? "due-badge--overdue" : left < 4 * 3_600_000 ? "due-badge--soon" : ""}`}
    >
      {text}
    </span>
  );
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

export function InboxPage() {
  const { t, language } = useI18n();
  const search = route.useSearch();
  const navigate = useNavigate();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [helpOpen, setHelpOpen] = useState(false);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const q = useMessages(inboxLiveMessages);
  const queueTexts = useMessages(queueMessages);
  const queryClient = useQueryClient();
  // Counts follow the live stream at once; the list itself waits for the employee, so rows do not
  // move under their cursor.
  const [changed, setChanged] = useState(false);
  useLiveUpdates([INBOX_COUNTS_KEY], { onEvent: () => setChanged(true) });
  const refreshList = () => {
    setChanged(false);
    setNow(Date.now());
    void queryClient.resetQueries({ queryKey: ["inbox", search] });
  };

  const inbox = useInfiniteQuery({
    queryKey: ["inbox", search],
    queryFn: ({ pageParam }) => api<Page>(inboxPath(search, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];

  useEffect(() => {
    if (inbox.error instanceof ApiError && inbox.error.problem.status === 401) {
      void navigate({ to: "/inloggen" });
    }
  }, [inbox.error, navigate]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || helpOpen) return;
      if (event.key === "?") {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      if (event.key !== "j" && event.key !== "k") return;
      const list = links.current.slice(0, items.length);
      if (list.length === 0) return;
      event.preventDefault();
      const current = list.indexOf(document.activeElement as HTMLAnchorElement);
      const next =
        current === -1 ? 0 : Math.min(list.length - 1, Math.max(0, current + (event.key === "j" ? 1 : -1)));
      list[next]?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [items.length, helpOpen]);

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (key: string) => String(data.get(key) ?? "").trim() || undefined;
    void navigate({
      to: "/inbox",
      search: { ...search, status: value("status"), channel: value("channel"), topicId: value("topicId") },
    });
  };

  return (
    <div className="inbox">
      <div className="page-title-row">
        <h1 ref={heading} tabIndex={-1} className="utrecht-heading-1">
          {t.inboxTitle}
        </h1>
        <Button className="utrecht-button utrecht-button--subtle" onPress={() => setHelpOpen(true)}>
          {t.shortcutsButton}
        </Button>
      </div>

      <InboxQueues statuses={STATUSES} />
      {search.teamId && (
        <p className="utrecht-paragraph">
          <Link to="/inbox" search={{ ...search, teamId: undefined }} className="utrecht-link">
            {queueTexts.everything}
          </Link>
        </p>
      )}

      <form className="inbox-filters" onSubmit={applyFilters} aria-label={t.filters}>
        <SelectField
          id="filter-status"
          name="status"
          label={t.status}
          defaultValue={search.status ?? ""}
          leading={<option value="">{t.all}</option>}
          options={STATUSES.map((s) => ({ value: s, label: t.statuses[s] ?? s }))}
        />
        <SelectField
          id="filter-channel"
          name="channel"
          label={t.channel}
          defaultValue={search.channel ?? ""}
          leading={<option value="">{t.all}</option>}
          options={CHANNELS.map((c) => ({ value: c, label: channelName(t, c) }))}
        />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="filter-topic">
            {t.topic}
          </label>
          <input
            id="filter-topic"
            name="topicId"
            className="utrecht-textbox"
            defaultValue={search.topicId ?? ""}
            autoComplete="off"
          />
        </div>
        <Button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t.apply}
        </Button>
      </form>

      <div role="status" aria-live="polite" className="inbox-changed">
        {changed && (
          <p className="utrecht-paragraph">
            {q.changed}{" "}
            <Button className="utrecht-button utrecht-button--secondary-action" onPress={refreshList}>
              {q.refresh}
            </Button>
          </p>
        )}
      </div>
      {inbox.isPending && <p role="status">{t.loading}</p>}
      {inbox.isError && (
        <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
          <h2 className="utrecht-heading-2">{t.inboxError}</h2>
          <p className="utrecht-paragraph">
            {inbox.error instanceof ApiError ? inbox.error.problem.detail : String(inbox.error)}
          </p>
        </div>
      )}
      {inbox.isSuccess && items.length === 0 && <p className="utrecht-paragraph">{t.noItems}</p>}
      {items.length > 0 && (
        <ol className="inbox-list" aria-label={t.inboxTitle}>
          {items.map((item, index) => (
            <li key={item.id} className="inbox-item">
              <InboxRow
                item={item}
                now={now}
                t={t}
                language={language}
                linkRef={(el) => {
                  links.current[index] = el;
                }}
              />
            </li>
          ))}
        </ol>
      )}
      {inbox.hasNextPage && (
        <Button
          className="utrecht-button utrecht-button--secondary-action"
          isDisabled={inbox.isFetchingNextPage}
          onPress={() => void inbox.fetchNextPage()}
        >
          {inbox.isFetchingNextPage ? t.loading : t.loadMore}
        </Button>
      )}

      <ModalOverlay isOpen={helpOpen} onOpenChange={setHelpOpen} isDismissable className="modal-overlay">
        <Modal className="modal">
          <Dialog className="dialog">
            <Heading slot="title" className="utrecht-heading-2">
              {t.shortcutsTitle}
            </Heading>
            <dl className="shortcuts">
              <dt>
                <kbd>j</kbd>
              </dt>
              <dd>{t.shortcutNext}</dd>
              <dt>
                <kbd>k</kbd>
              </dt>
              <dd>{t.shortcutPrevious}</dd>
              <dt>
                <kbd>Enter</kbd>
              </dt>
              <dd>{t.shortcutOpen}</dd>
              <dt>
                <kbd>?</kbd>
              </dt>
              <dd>{t.shortcutHelp}</dd>
            </dl>
            <Button slot="close" className="utrecht-button utrecht-button--primary-action">
              {t.close}
            </Button>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </div>
  );
}

function InboxRow(props: {
  item: InboxItem;
  now: number;
  t: Messages;
  language: Language;
  linkRef: (el: HTMLAnchorElement | null) => void;
}) {
  const { item, t } = props;
  return (
    <Link
      ref={props.linkRef}
      to="/vragen/$questionId"
      params={{ questionId: item.id }}
      className="inbox-link"
    >
      <span className="inbox-ref">{item.reference}</span>
      <span className="inbox-resident">{item.residentName ?? t.unknownResident}</span>
      <span className="inbox-topic">{item.topicId ?? t.unknownTopic}</span>
      <span className="inbox-status">{t.statuses[item.status] ?? item.status}</span>
      <span className="inbox-channel">
        {item.lastChannel ? t.lastContactVia(channelName(t, item.lastChannel)) : ""}
        {item.channels.length > 1 ? ` (${item.channels.map((c) => channelName(t, c)).join(", ")})` : ""}
      </span>
      {item.confidential && <span className="confidential">{t.confidential}</span>}
      <DueBadge dueAt={item.dueAt} now={props.now} />
    </Link>
  );
}
