import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { type FormDefinition, type FormField, type Lang, maxLengthOf } from "./form-definition";
import { NL_DESIGN_SYSTEM_HTML_CLASS, NL_DESIGN_SYSTEM_THEME_CLASS } from "./nl-design-system-css";
import type { FieldError } from "./validate-submission";

export const STYLESHEET_PATH = "/formulieren/stijl.css";

const words = {
  nl: {
    skip: "Ga direct naar de inhoud",
    other: { lang: "en", label: "English" },
    required: "(verplicht)",
    choose: "Maak een keuze",
    send: "Versturen",
    errorTitle: "Er is iets niet goed ingevuld",
    errorPrefix: "Fout: ",
    errorIntro: "Pas deze velden aan en verstuur het formulier opnieuw:",
    maxFiles: (n: number, mb: string) =>
      `U kunt ${n === 1 ? "1 bestand" : `maximaal ${n} bestanden`} meesturen van maximaal ${mb} MB per bestand.`,
    site: "Contact met de gemeente",
    thanksTitle: "Bedankt, wij hebben uw vraag ontvangen",
    referenceIntro: "Het nummer van uw vraag is:",
    referenceUse: "Bewaar dit nummer. Noem het als u contact met ons opneemt over deze vraag.",
    emailNote: "Heeft u uw e-mailadres ingevuld? Dan krijgt u ook een e-mail met dit nummer.",
    followIntro: "Uw volgcode is:",
    followUse:
      "Met het nummer en de volgcode ziet u hoe het met uw vraag staat. U hoeft dan niet in te loggen. Geef de code aan niemand anders.",
    followLink: "Volg uw vraag",
  },
  en: {
    skip: "Skip to main content",
    other: { lang: "nl", label: "Nederlands" },
    required: "(required)",
    choose: "Choose an option",
    send: "Send",
    errorTitle: "Something is not filled in correctly",
    errorPrefix: "Error: ",
    errorIntro: "Please correct these fields and send the form again:",
    maxFiles: (n: number, mb: string) =>
      `You can send ${n === 1 ? "1 file" : `up to ${n} files`} of at most ${mb} MB each.`,
    site: "Contact the municipality",
    thanksTitle: "Thank you, we have received your question",
    referenceIntro: "The number of your question is:",
    referenceUse: "Keep this number. Mention it when you contact us about this question.",
    emailNote: "Did you fill in your email address? Then you will also get an email with this number.",
    followIntro: "Your follow code is:",
    followUse:
      "With the number and the follow code you can see how your question is doing, without logging in. Keep the code to yourself.",
    followLink: "Follow your question",
  },
};

export function Layout(props: { lang: Lang; title: string; langSwitch?: string; children: Child }) {
  const w = words[props.lang];
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={props.lang} class={`${NL_DESIGN_SYSTEM_THEME_CLASS} ${NL_DESIGN_SYSTEM_HTML_CLASS}`}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {/* The form posts with its origin, so a cross-site post can be told apart. */}
          <meta name="referrer" content="same-origin" />
          <title>{props.title}</title>
          <link rel="stylesheet" href={STYLESHEET_PATH} />
        </head>
        <body>
          <a class="skip" href="#inhoud">
            {w.skip}
          </a>
          <header>
            <p>{w.site}</p>
          </header>
          <main id="inhoud" tabindex={-1}>
            {props.langSwitch && (
              <p class="lang">
                <a href={props.langSwitch} lang={w.other.lang} hreflang={w.other.lang}>
                  {w.other.label}
                </a>
              </p>
            )}
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

const autocomplete: Partial<Record<string, string>> = {
  givenName: "given-name",
  familyName: "family-name",
  fullName: "name",
  email: "email",
  tel: "tel",
};

function Field(props: { field: FormField; lang: Lang; value: string; error?: string }) {
  const { field, lang, value, error } = props;
  const w = words[lang];
  const id = `veld-${field.id}`;
  const described =
    [field.hint && `${id}-uitleg`, error && `${id}-fout`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.id,
    required: field.required,
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": described,
  };
  const label = (
    <label for={id}>
      {field.label[lang]} {field.required && <span class="req">{w.required}</span>}
    </label>
  );
  const hint = field.hint && (
    <p id={`${id}-uitleg`} class="hint">
      {field.hint[lang]}
    </p>
  );
  const message = error && (
    <p id={`${id}-fout`} class="error">
      <span>{w.errorPrefix}</span>
      {error}
    </p>
  );
  const fieldClass = `field${field.type === "checkbox" ? " check" : ""}${error ? " invalid" : ""}`;
  if (field.type === "checkbox")
    return (
      <div class={fieldClass}>
        {hint}
        {message}
        <input type="checkbox" value="ja" checked={value === "ja"} {...common} />
        {label}
      </div>
    );
  let control: Child;
  if (field.type === "textarea")
    control = (
      <textarea rows={6} maxlength={maxLengthOf(field)} {...common}>
        {value}
      </textarea>
    );
  else if (field.type === "select")
    control = (
      <select {...common}>
        <option value="">{w.choose}</option>
        {field.options?.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    );
  else if (field.type === "file") control = <input type="file" {...common} />;
  else
    control = (
      <input
        type={field.type}
        value={value}
        maxlength={maxLengthOf(field)}
        autocomplete={autocomplete[field.role ?? field.type]}
        spellcheck={field.type === "text" ? undefined : false}
        {...common}
      />
    );
  return (
    <div class={fieldClass}>
      {label}
      {hint}
      {message}
      {control}
    </div>
  );
}

export function FormPage(props: {
  form: FormDefinition;
  lang: Lang;
  action: string;
  langSwitch: string;
  token: string;
  values: Record<string, string>;
  errors: FieldError[];
  maxFileBytes: number;
}) {
  const { form, lang, errors } = props;
  const w = words[lang];
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const hasFiles = form.fields.some((f) => f.type === "file");
  const mb = (Math.min(form.attachments.maxBytes, props.maxFileBytes) / 1_048_576).toLocaleString("nl-NL", {
    maximumFractionDigits: 1,
  });
  return (
    <Layout
      lang={lang}
      title={`${errors.length > 0 ? w.errorPrefix : ""}${form.title[lang]}`}
      langSwitch={props.langSwitch}
    >
      <h1>{form.title[lang]}</h1>
      {errors.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="fouten-titel" tabindex={-1}>
          <h2 id="fouten-titel">{w.errorTitle}</h2>
          <p>{w.errorIntro}</p>
          <ul>
            {errors.map((e) => (
              <li>
                <a href={`#veld-${e.fieldId}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{form.intro[lang]}</p>
      {hasFiles && <p>{w.maxFiles(form.attachments.maxFiles, mb)}</p>}
      <form
        method="post"
        action={props.action}
        enctype={hasFiles ? "multipart/form-data" : "application/x-www-form-urlencoded"}
        novalidate
      >
        <input type="hidden" name="_token" value={props.token} />
        {form.fields.map((field) => (
          <Field field={field} lang={lang} value={props.values[field.id] ?? ""} error={errorOf(field.id)} />
        ))}
        <button type="submit">{w.send}</button>
      </form>
    </Layout>
  );
}

export function ConfirmationPage(props: {
  form: FormDefinition;
  lang: Lang;
  reference: string;
  /** Shown only right after sending (from a short-lived cookie), never from the URL. */
  follow?: { code: string; href: string };
}) {
  const w = words[props.lang];
  return (
    <Layout lang={props.lang} title={`${w.thanksTitle} | ${props.form.title[props.lang]}`}>
      <h1>{w.thanksTitle}</h1>
      <p>{w.referenceIntro}</p>
      <p class="reference">{props.reference}</p>
      <p>{w.referenceUse}</p>
      {props.follow && (
        <>
          <p>{w.followIntro}</p>
          <p class="reference">{props.follow.code}</p>
          <p>{w.followUse}</p>
          <p>
            <a href={props.follow.href}>{w.followLink}</a>
          </p>
        </>
      )}
      <p>{w.emailNote}</p>
    </Layout>
  );
}

/** A short page for what went wrong outside the form's fields (expired, refused, too many). */
export function MessagePage(props: { lang: Lang; title: string; text: string; back?: string }) {
  return (
    <Layout lang={props.lang} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      {props.back && (
        <p>
          <a href={props.back}>{props.lang === "nl" ? "Terug naar het formulier" : "Back to the form"}</a>
        </p>
      )}
    </Layout>
  );
}
