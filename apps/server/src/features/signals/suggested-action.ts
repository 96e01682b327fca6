import { defaultTopics, type Need } from "@omniloket/domain";

export type SuggestedAction = { nl: string; en: string; needId: string | null };

const BY_RULE: Record<string, { nl: string; en: string }> = {
  "repeat-contact": {
    nl: "Bel de inwoner en zoek samen uit waarom de vraag nog niet is opgelost.",
    en: "Call the resident and find out together why the question is not solved yet.",
  },
  "channel-hopping": {
    nl: "Neem contact op via één kanaal en spreek af hoe u de inwoner op de hoogte houdt.",
    en: "Get in touch on one channel and agree how you will keep the resident informed.",
  },
  "broken-promise": {
    nl: "Kom de toezegging alsnog na, of laat de inwoner weten wanneer dat wel gebeurt.",
    en: "Keep the promise after all, or tell the resident when it will happen.",
  },
  reopened: {
    nl: "Bespreek met de inwoner wat er aan de oplossing nog ontbreekt.",
    en: "Discuss with the resident what the solution still lacks.",
  },
  "long-silence": {
    nl: "Laat de inwoner weten hoe het ervoor staat.",
    en: "Let the resident know how things stand.",
  },
  "escalating-language": {
    nl: "Bel de inwoner persoonlijk: de toon wordt scherper.",
    en: "Call the resident personally: the tone is getting sharper.",
  },
  "ping-pong": {
    nl: "Wijs één vaste behandelaar aan en laat de inwoner weten wie dat is.",
    en: "Appoint one handler and let the resident know who it is.",
  },
};

const FALLBACK = {
  nl: "Bekijk de vragen van de inwoner en neem zo nodig contact op.",
  en: "Look at the resident's questions and get in touch if needed.",
};

/** The offer in a need's description ("…; offer a conversation about …"), if it names one. */
function offerOf(need: Need): string | null {
  const match = /\boffer (.+)$/i.exec(need.about);
  return match?.[1] ? `Offer ${match[1].trim()}.` : null;
}

/**
 * What the case guide might do about a signal: for a need cluster, the need's offer from the topic
 * list; otherwise a Dutch default per rule. Only a suggestion: nothing is sent to the resident.
 */
export function suggestedAction(
  ruleId: string,
  details: Record<string, unknown>,
  needs: readonly Need[] = defaultTopics.needs,
): SuggestedAction {
  if (ruleId === "need-cluster") {
    const need = needs.find((n) => n.id === details.needId);
    if (need)
      return {
        nl: `Bied een gesprek aan over '${need.nl}' en wat de gemeente daarbij kan doen.`,
        en: offerOf(need) ?? `Offer a conversation about '${need.en}' and what the municipality can do.`,
        needId: need.id,
      };
  }
  return { ...(BY_RULE[ruleId] ?? FALLBACK), needId: null };
}
