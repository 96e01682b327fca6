import { ChatApi, type ChatMessage, type ChatStatus } from "./api";
import { field, h, inputValue } from "./dom";
import { identifyStep } from "./identify";
import { problemText } from "./problem-text";
import { callbackSlots } from "./slots";
import { STYLES } from "./styles";
import { type Lang, TEXTS } from "./texts";

type Settings = {
  available: boolean;
  email: string | null;
  topics: Array<{ id: string; nl: string; en: string }>;
};

/**
 * Omniloket's web chat widget (docs/decisions/0008-web-chat.md). Embedded with one script tag:
 * <script src="https://<omniloket>/chat/widget.js" data-gemeente="voorbeeldstad" async></script>
 * Everything lives in a shadow root; the site's colours apply through --omniloket-chat-* variables.
 */
function boot(script: HTMLScriptElement) {
  const gemeente = script.dataset.gemeente;
  if (!gemeente) return;
  const origin = new URL(script.src, location.href).origin;
  const wanted = (script.dataset.taal || document.documentElement.lang || "nl").toLowerCase();
  const lang: Lang = wanted.startsWith("en") ? "en" : "nl";
  const t = TEXTS[lang];
  const api = new ChatApi(`${origin}/chat/${encodeURIComponent(gemeente)}`, lang, gemeente);
  // Mijn gemeente hands over a chat it started about one of the resident's questions, to open at once.
  const handedOver = Boolean(script.dataset.sessie && script.dataset.token);
  if (script.dataset.sessie && script.dataset.token)
    api.adopt({
      sessionId: script.dataset.sessie,
      token: script.dataset.token,
      reference: script.dataset.vraag ?? "",
      lastId: "0",
    });

  const host = h("div", { id: "omniloket-chat" });
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = STYLES;
  const launcher = h(
    "button",
    { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "panel" },
    t.open,
  );
  const title = h("h2", { id: "title", tabindex: "-1" }, t.title);
  const closeButton = h("button", { type: "button", "aria-label": t.close }, "×");
  const body = h("div", { class: "body" });
  const panel = h(
    "section",
    { class: "panel", id: "panel", role: "dialog", "aria-labelledby": "title", hidden: true, lang: lang },
    h("div", { class: "head" }, title, closeButton),
    body,
  );
  root.append(style, h("div", { class: "w" }, launcher, panel));
  document.body.append(host);

  const alert = h("p", { class: "alert", role: "alert" });
  let settings: Settings | null = null;
  let view = "";
  let status: ChatStatus | null = null;
  /**
   * What the visitor is ending the chat with (a left message, a callback) while that request runs: the
   * server ends the chat with it, and its "ended" event can arrive before the request's answer.
   */
  let closingWith: string | null = null;
  let waitingDismissed = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const seen = new Set<string>();
  const log = h("div", {
    class: "log",
    role: "log",
    "aria-live": "polite",
    "aria-label": t.log,
    tabindex: "0",
  });
  const statusLine = h("p", { class: "status", role: "status" });
  const extra = h("div", {});
  let ident = identifyStep(api, t, lang);

  const focusFirst = (container: HTMLElement) => {
    const target = container.querySelector<HTMLElement>("textarea, input, select, button") ?? title;
    target.focus();
  };
  const show = (...nodes: Node[]) => {
    alert.textContent = "";
    body.replaceChildren(...nodes, alert);
  };
  const guard = (work: () => Promise<void>) => async (event: Event) => {
    event.preventDefault();
    try {
      alert.textContent = "";
      await work();
    } catch (error) {
      alert.textContent = problemText(t, error);
    }
  };

  function open() {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    if (!view) void begin();
    else focusFirst(body);
  }
  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }
  launcher.addEventListener("click", open);
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", (event) => {
    if ((event as KeyboardEvent).key === "Escape") {
      event.stopPropagation();
      close();
    }
  });

  async function begin() {
    if (api.stored) return conversation(false);
    settings = await api.request<Settings>("/settings").catch(() => null);
    view = "start";
    const topics = h(
      "select",
      {},
      h("option", { value: "" }, t.noTopic),
      ...(settings?.topics ?? []).map((topic) => h("option", { value: topic.id }, topic[lang])),
    );
    show(
      h("p", {}, t.intro),
      h(
        "form",
        {
          onsubmit: guard(async () => {
            await api.start(inputValue(root, "topic") || undefined, lang);
            conversation(true);
          }),
        },
        field("topic", t.topic, topics),
        h("button", { type: "submit", class: "primary" }, t.start),
      ),
    );
    focusFirst(body);
  }

  function addMessage(message: ChatMessage) {
    if (seen.has(message.id)) return;
    seen.add(message.id);
    const who =
      message.sender === "visitor"
        ? t.you
        : message.sender === "employee"
          ? status?.employeeName || t.municipality
          : t.municipality;
    log.append(h("p", { class: message.sender }, h("span", { class: "who" }, `${who}: `), message.text));
    log.scrollTop = log.scrollHeight;
  }

  function conversation(focus: boolean) {
    view = "chat";
    const composer = h(
      "form",
      {
        onsubmit: guard(async () => {
          const input = root.getElementById("message") as HTMLTextAreaElement;
          const text = input.value.trim();
          if (!text) return;
          const sent = (await api.session("messages", { text })) as ChatMessage;
          input.value = "";
          addMessage(sent);
        }),
      },
      field("message", t.message, h("textarea", { rows: "3", maxlength: "2000", required: true })),
      h(
        "div",
        { class: "row" },
        h("button", { type: "submit", class: "primary" }, t.send),
        h(
          "button",
          { type: "button", onclick: guard(async () => void (await api.session("_end"))) },
          t.endChat,
        ),
      ),
    );
    ident = identifyStep(api, t, lang);
    show(statusLine, extra, log, composer, ident.area);
    if (focus) (root.getElementById("message") as HTMLElement).focus();
    void api.follow({
      message: addMessage,
      typing() {
        statusLine.textContent = t.typing;
        clearTimeout(typingTimer);
        typingTimer = setTimeout(() => updateStatus(), 4000);
      },
      status(next) {
        status = next;
        updateStatus();
      },
    });
  }

  function updateStatus() {
    if (!status) return;
    if (status.status === "ended") return ended();
    if (status.identified) ident.identified(false);
    statusLine.textContent =
      status.status === "waiting" ? t.waiting(status.position) : t.active(status.employeeName);
    const offer = status.status === "waiting" && status.alternatives !== null && !waitingDismissed;
    if (offer && !extra.hasChildNodes())
      alternatives(status.alternatives === "no-one-available" ? t.noOne : t.tooLong);
    if (!offer) extra.replaceChildren();
  }

  function alternatives(reason: string) {
    const choice = (label: string, then: () => void) => h("button", { type: "button", onclick: then }, label);
    const area = h("div", {});
    extra.replaceChildren(
      h("p", {}, reason, " ", t.choose),
      h(
        "div",
        { class: "row" },
        choice(t.leave, () => leaveForm(area)),
        choice(t.callback, () => callbackForm(area)),
        choice(t.email, () => {
          const address = settings?.email;
          area.replaceChildren(
            h(
              "p",
              {},
              address ? t.mailUs(address) : t.leaveHelp,
              " ",
              t.reference(api.stored?.reference ?? ""),
            ),
          );
          if (address)
            area.append(
              h(
                "a",
                { href: `mailto:${address}?subject=${encodeURIComponent(api.stored?.reference ?? "")}` },
                address,
              ),
            );
          else leaveForm(area);
        }),
        choice(t.keepWaiting, () => {
          waitingDismissed = true;
          extra.replaceChildren();
          (root.getElementById("message") as HTMLElement).focus();
        }),
      ),
      area,
    );
    void api.request<Settings>("/settings").then((s) => {
      settings = s;
    });
  }

  function leaveForm(area: HTMLElement) {
    area.replaceChildren(
      h(
        "form",
        {
          onsubmit: guard(async () => {
            await endingWith(t.leftMessage, () =>
              api.session("_leave-message", {
                text: inputValue(root, "leave-text"),
                email: inputValue(root, "leave-email"),
              }),
            );
          }),
        },
        h("p", {}, t.leaveHelp),
        field("leave-text", t.question, h("textarea", { rows: "4", required: true, maxlength: "5000" })),
        field(
          "leave-email",
          t.emailAddress,
          h("input", { type: "email", autocomplete: "email", required: true }),
        ),
        h("button", { type: "submit", class: "primary" }, t.submitLeave),
      ),
    );
    focusFirst(area);
  }

  function callbackForm(area: HTMLElement) {
    const slots = callbackSlots(new Date(), t.locale);
    area.replaceChildren(
      h(
        "form",
        {
          onsubmit: guard(async () => {
            await endingWith(t.callbackDone, () =>
              api.session("_callback", {
                phone: inputValue(root, "cb-phone"),
                slotStart: inputValue(root, "cb-slot"),
              }),
            );
          }),
        },
        field("cb-phone", t.phone, h("input", { type: "tel", autocomplete: "tel", required: true })),
        field(
          "cb-slot",
          t.slot,
          h("select", {}, ...slots.map((s) => h("option", { value: s.value }, s.label))),
        ),
        h("button", { type: "submit", class: "primary" }, t.submitCallback),
      ),
    );
    focusFirst(area);
  }

  /** Sends a request that ends the chat; the ended view then says `message`, whichever arrives first. */
  async function endingWith(message: string, request: () => Promise<unknown>) {
    closingWith = message;
    try {
      await request();
    } finally {
      closingWith = null;
    }
    done(message);
  }

  function done(message: string) {
    status = {
      status: "ended",
      questionReference: api.stored?.reference ?? "",
      position: null,
      employeeName: null,
      alternatives: null,
    };
    ended(message);
  }

  function ended(message = closingWith ?? t.ended) {
    if (view === "ended") return;
    view = "ended";
    api.stop();
    const reference = api.stored?.reference ?? status?.questionReference ?? "";
    const heading = h(
      "p",
      { tabindex: "-1", class: "status" },
      message,
      " ",
      reference ? t.reference(reference) : "",
    );
    const transcript = api.stored
      ? h(
          "form",
          {
            onsubmit: guard(async () => {
              await api.session("_transcript", { email: inputValue(root, "tr-email") });
              transcript?.replaceWith(h("p", { role: "status" }, t.transcriptSent));
            }),
          },
          field(
            "tr-email",
            t.transcript,
            h("input", { type: "email", autocomplete: "email", required: true }),
          ),
          h("button", { type: "submit", class: "primary" }, t.sendTranscript),
        )
      : null;
    const again = h(
      "button",
      {
        type: "button",
        onclick: () => {
          api.forget();
          seen.clear();
          log.replaceChildren();
          status = null;
          waitingDismissed = false;
          extra.replaceChildren();
          void begin();
        },
      },
      t.again,
    );
    show(heading, ...(log.hasChildNodes() ? [log] : []), ...(transcript ? [transcript] : []), again);
    heading.focus();
  }

  // A chat that was going on in this tab continues after a page load.
  if (api.stored) {
    view = "chat";
    conversation(false);
  }
  if (handedOver) open();
}

const current = document.currentScript as HTMLScriptElement | null;
if (current) {
  if (document.body) boot(current);
  else document.addEventListener("DOMContentLoaded", () => boot(current));
}
