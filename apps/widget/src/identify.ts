import type { ApiError, ChatApi } from "./api";
import { field, h } from "./dom";
import { earlierQuestions } from "./earlier";
import { problemText } from "./problem-text";
import type { Lang, Texts } from "./texts";

/**
 * The optional "Laat u herkennen" step (docs/decisions/0008-web-chat.md): an email address, then the
 * six-digit code sent to it. A disclosure under its own toggle: Annuleren or Escape closes it and puts
 * focus back on the toggle (a second Escape closes the widget, as everywhere else). An error stands under
 * its field, linked by aria-describedby and marked aria-invalid, and focus goes back to that field.
 */
export function identifyStep(api: ChatApi, t: Texts, lang: Lang) {
  const toggle = h(
    "button",
    { type: "button", "aria-expanded": "false", "aria-controls": "id-step", onclick: () => flip() },
    t.identify,
  );
  const step = h("section", { id: "id-step", "aria-labelledby": "id-h", hidden: true });
  const area = h("div", { class: "ident" }, toggle, step);
  let email = "";
  let done = false;
  let busy = false;

  step.addEventListener("keydown", (event) => {
    if ((event as KeyboardEvent).key !== "Escape") return;
    event.stopPropagation();
    collapse();
  });

  function collapse() {
    step.hidden = true;
    step.replaceChildren();
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  }

  function flip() {
    if (!step.hidden) return collapse();
    step.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    emailStage();
  }

  /** A required input with its label, a description and a place for its error. */
  function entry(id: string, label: string, attrs: Record<string, string>, describedBy: string) {
    const input = h("input", {
      ...attrs,
      required: true,
      "aria-describedby": describedBy,
    }) as HTMLInputElement;
    const error = h("p", { class: "alert", id: `${id}-err`, role: "alert" });
    const wrap = field(id, label, input);
    wrap.append(error);
    /** Runs the request; on failure shows the server's `detail` (as text) at this field. */
    const run = (work: () => Promise<void>) => async (event: Event) => {
      event.preventDefault();
      if (busy) return;
      busy = true;
      try {
        await work();
        error.textContent = "";
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", describedBy);
      } catch (failure) {
        const { retryAfter } = failure as ApiError;
        error.textContent = `${problemText(t, failure)}${retryAfter ? ` ${t.retryIn(Math.ceil(retryAfter / 60))}` : ""}`;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", `${describedBy} ${error.id}`);
        input.focus();
      } finally {
        busy = false;
      }
    };
    return { input, wrap, run };
  }

  const heading = () => h("h3", { id: "id-h", tabindex: "-1" }, t.identify);
  const buttons = (submit: string, ...more: HTMLElement[]) =>
    h(
      "div",
      { class: "row" },
      h("button", { type: "submit", class: "primary" }, submit),
      ...more,
      h("button", { type: "button", onclick: collapse }, t.cancel),
    );

  function emailStage() {
    const { input, wrap, run } = entry(
      "id-email",
      t.emailAddress,
      { type: "email", autocomplete: "email" },
      "id-why",
    );
    input.value = email;
    step.replaceChildren(
      heading(),
      h("p", { id: "id-why" }, t.identifyWhy),
      h(
        "form",
        {
          novalidate: true,
          onsubmit: run(async () => {
            const address = input.value.trim();
            await api.session("_identify", { email: address });
            email = address;
            codeStage();
          }),
        },
        wrap,
        buttons(t.sendCode),
      ),
    );
    input.focus();
  }

  function codeStage() {
    const sent = h("p", { id: "id-sent", role: "status" }, t.codeSent(email));
    const { input, wrap, run } = entry(
      "id-code",
      t.code,
      { inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6", spellcheck: "false" },
      "id-sent",
    );
    const again = h(
      "button",
      {
        type: "button",
        onclick: run(async () => {
          await api.session("_identify", { email });
          sent.textContent = t.newCodeSent(email);
          input.value = "";
          input.focus();
        }),
      },
      t.newCode,
    );
    step.replaceChildren(
      heading(),
      sent,
      h(
        "form",
        {
          novalidate: true,
          onsubmit: run(async () => {
            await api.session("_verify", { code: input.value.trim() });
            identified(true);
          }),
        },
        wrap,
        buttons(t.verify, again),
      ),
    );
    input.focus();
  }

  /**
   * Recognised (by this step, or as the chat's status says): the step gives way to a note. Focus goes
   * to the note when asked, or when it was inside the step (the status may arrive before the answer).
   */
  const note = h("p", { class: "status", role: "status", tabindex: "-1" }, t.identified);
  function identified(focus: boolean) {
    const inside = area.contains((area.getRootNode() as ShadowRoot).activeElement);
    if (!done) area.replaceChildren(note, earlierQuestions(api, t, lang));
    done = true;
    if (focus || inside) note.focus();
  }

  return { area, identified };
}
