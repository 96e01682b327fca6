import { Layout } from "../channels/webform";
import type { Lang } from "./messages";

export const ACCESSIBILITY_PATH = "/toegankelijkheid";

const text = {
  nl: {
    title: "Toegankelijkheid",
    intro:
      "Iedereen moet onze website kunnen gebruiken. Ook als u slecht ziet, niet goed kunt horen, geen muis gebruikt of moeite heeft met lezen. Daar werken we aan.",
    whatTitle: "Over welke pagina's gaat dit?",
    what: "Deze verklaring gaat over de pagina's van Omniloket voor inwoners: Mijn gemeente (inloggen en Mijn vragen) en de formulieren om een vraag te stellen.",
    statusTitle: "Hoe toegankelijk zijn de pagina's?",
    status:
      "De pagina's voldoen gedeeltelijk aan de eisen van de Web Content Accessibility Guidelines (WCAG) 2.1, niveau A en AA. We testen elke pagina automatisch met axe-core en met alleen een toetsenbord. De pagina's werken ook zonder JavaScript. Een onderzoek door een onafhankelijke deskundige is nog niet gedaan. Daarom noemen we de status nog 'gedeeltelijk'.",
    knownTitle: "Wat weten we nog niet goed?",
    known:
      "We hebben de pagina's nog niet getest met alle schermlezers en vergrotingsprogramma's. Ziet u een probleem? Laat het ons weten.",
    reportTitle: "Een probleem melden",
    report:
      "Kunt u iets niet lezen of gebruiken? Meld het bij uw gemeente. Vertel op welke pagina het was en wat er niet lukte. U kunt bellen naar 14 + het netnummer van uw gemeente, of een vraag stellen via het formulier of de chat op de website van uw gemeente. Wij helpen u dan op een andere manier en passen de pagina aan. U krijgt binnen 5 werkdagen antwoord.",
    complaintTitle: "Niet tevreden?",
    complaint:
      "Bent u niet tevreden over hoe wij uw melding behandelen? Dan kunt u een klacht indienen bij uw gemeente. Daarna kunt u naar de Nationale ombudsman.",
    date: "Deze verklaring is opgesteld in november 2026.",
  },
  en: {
    title: "Accessibility",
    intro:
      "Everyone should be able to use our website. Also if you do not see or hear well, do not use a mouse, or find reading hard. We are working on that.",
    whatTitle: "Which pages does this cover?",
    what: "This statement covers Omniloket's pages for residents: My municipality (log in and My questions) and the forms to ask a question.",
    statusTitle: "How accessible are the pages?",
    status:
      "The pages partially meet the Web Content Accessibility Guidelines (WCAG) 2.1, level A and AA. We test every page automatically with axe-core and with a keyboard only. The pages also work without JavaScript. An audit by an independent expert has not been done yet. That is why we call the status 'partial'.",
    knownTitle: "What do we not know well yet?",
    known:
      "We have not tested the pages with every screen reader and magnifier yet. Do you see a problem? Please let us know.",
    reportTitle: "Report a problem",
    report:
      "Can you not read or use something? Tell your municipality. Say which page it was and what did not work. You can call 14 + the area code of your municipality, or ask a question through the form or chat on your municipality's website. We will then help you another way and fix the page. You will get an answer within 5 working days.",
    complaintTitle: "Not satisfied?",
    complaint:
      "Are you not satisfied with how we handled your report? Then you can file a complaint with your municipality. After that, you can go to the National Ombudsman.",
    date: "This statement was written in November 2026.",
  },
};

/** The accessibility statement (toegankelijkheidsverklaring) of the resident-facing pages, plain language. */
export function AccessibilityPage(props: { lang: Lang; langSwitch: string }) {
  const t = text[props.lang];
  return (
    <Layout lang={props.lang} title={t.title} langSwitch={props.langSwitch}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <h2>{t.whatTitle}</h2>
      <p>{t.what}</p>
      <h2>{t.statusTitle}</h2>
      <p>{t.status}</p>
      <h2>{t.knownTitle}</h2>
      <p>{t.known}</p>
      <h2>{t.reportTitle}</h2>
      <p>{t.report}</p>
      <h2>{t.complaintTitle}</h2>
      <p>{t.complaint}</p>
      <p>{t.date}</p>
    </Layout>
  );
}
