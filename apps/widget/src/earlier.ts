import type { ChatApi } from "./api";
import { h } from "./dom";
import { problemText } from "./problem-text";
import type { Lang, Texts } from "./texts";

type Earlier = { id: string; reference: string; topic: { nl: string; en: string } | null };

/**
 * After identification: the visitor's open questions (reference and topic only), each with a button to
 * continue it in this chat. Nothing shows when there are none. Choosing one says so in a status line,
 * which takes focus; the chat's log gets the municipality's line about it too.
 */
export function earlierQuestions(api: ChatApi, t: Texts, lang: Lang): HTMLElement {
  const section = h("section", { "aria-labelledby": "earlier-h", class: "earlier", hidden: true });
  const alert = h("p", { class: "alert", role: "alert" });
  void api
    .request<{ items: Earlier[] }>(`/sessions/${api.stored?.sessionId}/questions`)
    .then(({ items }) => {
      if (items.length === 0) return;
      const choose = (item: Earlier) => async () => {
        try {
          await api.session("_continue", { questionId: item.id });
          const done = h(
            "p",
            { class: "status", role: "status", tabindex: "-1" },
            t.continued(item.reference),
          );
          section.replaceChildren(done);
          done.focus();
        } catch (failure) {
          alert.textContent = problemText(t, failure);
        }
      };
      section.replaceChildren(
        h("h3", { id: "earlier-h" }, t.earlierTitle),
        h("p", {}, t.earlierHelp),
        h(
          "ul",
          {},
          ...items.map((item) =>
            h(
              "li",
              {},
              h(
                "button",
                { type: "button", onclick: choose(item) },
                t.continueWith(item.reference, item.topic ? item.topic[lang] : null),
              ),
            ),
          ),
        ),
        alert,
      );
      section.hidden = false;
    })
    .catch(() => {
      // Only an offer: without the list the chat goes on as a new question.
    });
  return section;
}
