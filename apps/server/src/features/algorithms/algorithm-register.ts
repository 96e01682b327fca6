import { SIGNAL_RULES, type SignalRule, shippedTopicExamples } from "@omniloket/domain";

/**
 * Algoritmeregister entries (publicatiestandaard 1.0.0) for the algorithms Omniloket runs: one per
 * signal rule, generated from the rule's versioned definition (id, version, Dutch description,
 * parameters), and one for the topic classifier with its measured quality. Pure: the caller supplies
 * the municipality and the classifier's figures (see `export-algorithm-register.ts`).
 */

/** One entry as the schema describes it (only the fields Omniloket fills in). */
export type AlgorithmEntry = {
  name: string;
  description_short: string;
  organization: string;
  theme: string[];
  status: "In ontwikkeling" | "In gebruik" | "Buiten gebruik";
  start_date: string;
  contact: string;
  publication_category:
    | "Hoog-risico AI-systeem (Categorie A)"
    | "Impactvolle algoritmes (Categorie B)"
    | "Overige algoritmes (Categorie C)";
  purpose_and_impact: string;
  considerations: string;
  human_intervention: string;
  risk_management: string;
  legal_basis: string;
  impact_assessments: string;
  impact_assessment_explanation: string;
  data: string;
  technical_operation: string;
  supplier: string;
  language: "nld";
  schema: "1.0.0";
  source_id: string;
  search_terms: string;
};

/** The classifier's quality as measured on the shipped examples, and how. */
export type ClassifierFigures = {
  macroF1: number;
  accuracy: number;
  trainingSize: number;
  heldOutSize: number;
  seed: number;
  heldOutShare: number;
};

export type RegisterContext = {
  /** "Gemeente Voorbeeldstad", or a placeholder the municipality replaces. */
  organization: string;
  /** A generic e-mail address or website of the municipality (never a person's), or a placeholder. */
  contact: string;
  /** YYYY-MM: the month the municipality took the algorithms into use. */
  startDate: string;
  classifier: ClassifierFigures;
};

/** What the municipality must fill in itself; the export never makes up a legal basis. */
export const FILL_IN = "[IN TE VULLEN DOOR DE GEMEENTE]";

const SUPPLIER = "Omniloket (opensourcesoftware, EUPL-1.2)";
const THEME = ["Organisatie en bedrijfsvoering"];

type RuleTexts = {
  /** Verb phrase, under 100 characters. */
  name: string;
  /** Why this rule, in B1 Dutch. */
  purpose: string;
  /** Which facts of the resident the rule reads. */
  data: string;
  /** What the rule does with them, beyond its description. */
  operation: string;
};

const TOPIC_NOTE =
  "Het onderwerp van een vraag is het vastgelegde onderwerp, of anders het onderwerp dat de onderwerpclassificatie uit de tekst voorspelde (zie de registratie 'Indelen van binnenkomende vragen naar onderwerp').";

/** Register texts per rule id. A rule without texts here makes the export fail, on purpose. */
const RULE_TEXTS: Record<string, RuleTexts> = {
  "repeat-contact": {
    name: "Signaleren van herhaald contact over dezelfde vraag",
    purpose:
      "Een inwoner die steeds opnieuw contact opneemt over dezelfde vraag, is waarschijnlijk nog niet geholpen.",
    data: `Eigen klantcontactgegevens van de gemeente in Omniloket: van de inkomende contacten van de inwoner het tijdstip, het kanaal en de vraag waar ze bij horen; van die vragen het onderwerp. ${TOPIC_NOTE}`,
    operation:
      "Groepeert de inkomende contacten per vraag of onderwerp, zoekt reeksen zonder lange onderbreking en kijkt of in één venster van windowDays dagen minstens minContacts contacten vallen.",
  },
  "channel-hopping": {
    name: "Signaleren van kanaalhoppen bij één vraag",
    purpose:
      "Een inwoner die voor dezelfde vraag het ene kanaal na het andere probeert (mail, telefoon, balie, chat), vindt kennelijk geen antwoord.",
    data: `Eigen klantcontactgegevens van de gemeente in Omniloket: van de inkomende contacten van de inwoner het tijdstip, het kanaal en de vraag; van die vragen het onderwerp. ${TOPIC_NOTE}`,
    operation:
      "Groepeert de inkomende contacten per vraag of onderwerp en kijkt of binnen windowDays dagen minstens minChannels verschillende kanalen zijn gebruikt.",
  },
  "broken-promise": {
    name: "Signaleren van niet nagekomen terugbelafspraken en taken",
    purpose:
      "Als de gemeente een terugbelafspraak of een taak niet op tijd nakomt, wacht de inwoner op iets dat niet komt.",
    data: "Eigen gegevens van de gemeente in Omniloket: de terugbelverzoeken en taken bij de vragen van de inwoner (soort, status, afgesproken tijd, aanmaak- en afrondtijd).",
    operation:
      "Kijkt per taak of deze meer dan graceDays dag(en) na de afgesproken tijd nog open is, of (als includeLate aan staat) pas zo laat is afgerond.",
  },
  reopened: {
    name: "Signaleren van heropende vragen",
    purpose: "Een vraag die na afhandeling weer open gaat, was kennelijk nog niet goed beantwoord.",
    data: "Eigen gegevens van de gemeente in Omniloket: de statusgeschiedenis van de vragen van de inwoner (van welke status naar welke, wanneer, en of een contact van de inwoner of een medewerker de status veranderde).",
    operation:
      "Zoekt een statuswijziging van afgehandeld naar een andere status, of een vraag met de status heropend.",
  },
  "long-silence": {
    name: "Signaleren van lange stilte na een bericht van een inwoner",
    purpose:
      "Een inwoner die schriftelijk een vraag stelde en na de servicenorm nog geen antwoord heeft, wacht te lang.",
    data: "Eigen klantcontactgegevens van de gemeente in Omniloket: van de contacten van de inwoner het tijdstip, het kanaal en de richting (inkomend of uitgaand), per vraag; de servicenormen per onderwerp en kanaal.",
    operation:
      "Berekent per schriftelijk inkomend bericht de uiterste antwoordtijd volgens de servicenorm (per onderwerp en kanaal) en kijkt of er meer dan graceDays dag(en) daarna nog geen uitgaand antwoord op die vraag was.",
  },
  "escalating-language": {
    name: "Signaleren van escalerende taal in berichten van inwoners",
    purpose:
      "Boosheid, klachten of 'al drie keer gevraagd' in berichten laten zien dat een inwoner vastloopt, vaak voordat er een formele klacht komt.",
    data: "Eigen klantcontactgegevens van de gemeente in Omniloket: de tekst (en het onderwerp) van de inkomende berichten van de inwoner, per vraag. De tekst wordt alleen vergeleken met een vaste woordenlijst en niet opgeslagen in het signaal; het signaal bewaart alleen welke zinsdelen uit die woordenlijst zijn gevonden.",
    operation:
      "Normaliseert en stemt de tekst (dezelfde Nederlandse stemmer als de onderwerpclassificatie) en zoekt zinsdelen uit een vaste Nederlandse woordenlijst (klacht, herhaling, 'niemand helpt', boosheid), elk met een gewicht; een vraag waarvan de berichten samen minstens minScore halen, geeft een signaal.",
  },
  "ping-pong": {
    name: "Signaleren van vragen die steeds worden doorgezet",
    purpose:
      "Een vraag die telkens naar een ander team of een andere medewerker gaat, heeft geen eigenaar en de inwoner wacht.",
    data: "Eigen gegevens van de gemeente in Omniloket: het doorzetten van de vragen van de inwoner naar een ander team of een andere medewerker (van, naar, wanneer).",
    operation:
      "Telt per vraag de overdrachten en kijkt of er binnen windowDays dagen minstens minTransfers zijn.",
  },
  "need-cluster": {
    name: "Herkennen van de vraag achter de vraag",
    purpose:
      "Vragen over verschillende onderwerpen die bij één levenssituatie horen (bijvoorbeeld schulden, of zorg thuis), kunnen wijzen op een onderliggende hulpvraag die de inwoner zelf niet stelt.",
    data: `Eigen klantcontactgegevens van de gemeente in Omniloket: van de vragen van de inwoner het onderwerp en de datum; de indeling van onderwerpen in levenssituaties uit de onderwerpenlijst. ${TOPIC_NOTE}`,
    operation:
      "Kijkt of binnen windowDays dagen vragen over minstens minTopics verschillende onderwerpen van dezelfde levenssituatie (needs) zijn gesteld.",
  },
};

/** Fills `{name}` in a rule's description with its parameter. */
export function describeRule(rule: SignalRule<Record<string, unknown>>): string {
  return rule.description.replace(/\{(\w+)\}/g, (match, key: string) => {
    const value = rule.parameters[key];
    return value === undefined ? match : String(value);
  });
}

/** Parameters as readable text: scalars as they are, lists by their size. */
export function describeParameters(parameters: Record<string, unknown>): string {
  const parts = Object.entries(parameters).map(([key, value]) => {
    if (Array.isArray(value)) return `${key}: een lijst van ${value.length} (standaardwaarden van Omniloket)`;
    if (value !== null && typeof value === "object") return `${key}: (samengestelde standaardwaarde)`;
    return `${key} = ${String(value)}`;
  });
  return parts.length === 0 ? "geen" : parts.join("; ");
}

const HUMAN_REVIEW =
  "Niets of niemand neemt automatisch contact op met een inwoner. Een signaal is alleen een suggestie op de werklijst van een casusregisseur: een casusregisseur beslist. Hij of zij ziet waarom het signaal er is (de vragen, contacten of taken waarop het berust, en de regel en regelversie die het vond), beoordeelt dat, en besluit of de gemeente de inwoner benadert, of wijst het signaal af of stelt het uit. Dat besluit wordt vastgelegd; nogmaals beoordelen verandert een besluit nooit.";

const CONSENT =
  "Een inwoner die de toestemming voor proactief contact heeft ingetrokken, krijgt geen signalen; open signalen van die inwoner worden verwijderd. Heeft de gemeente gekozen voor toestemming vooraf (opt-in), dan krijgt alleen wie die toestemming gaf signalen.";

function ruleEntry(rule: SignalRule<Record<string, unknown>>, ctx: RegisterContext): AlgorithmEntry {
  const texts = RULE_TEXTS[rule.id];
  if (!texts) throw new Error(`Signaalregel ${rule.id} heeft geen tekst voor het algoritmeregister.`);
  const description = describeRule(rule);
  return {
    name: texts.name,
    description_short: `${description} Het signaal komt op de werklijst van een casusregisseur; er wordt niemand automatisch benaderd.`,
    organization: ctx.organization,
    theme: THEME,
    // `omniloket start` runs the rules after every contact and rescans periodically (the signals worker).
    status: "In gebruik",
    start_date: ctx.startDate,
    contact: ctx.contact,
    publication_category: "Impactvolle algoritmes (Categorie B)",
    purpose_and_impact: `Doel: inwoners die vastlopen in hun contact met de gemeente eerder zien, zodat iemand kan helpen. ${texts.purpose} Impact: het algoritme zet een signaal op de werklijst van een casusregisseur. De inwoner merkt er pas iets van als de casusregisseur besluit contact op te nemen, bijvoorbeeld om te vragen of de gemeente kan helpen. Het signaal leidt nooit zelf tot een besluit over de inwoner.`,
    considerations:
      "Voordeel: de gemeente ziet eerder wie vastloopt, ook als de vragen over kanalen en teams verspreid zijn. Nadeel: een signaal kan onterecht zijn, of een inwoner kan het als bemoeienis ervaren. Daarom is het een eenvoudige, uitlegbare regel (geen zelflerend model), bewaart elk signaal het bewijs, beslist altijd een mens en krijgen inwoners die geen proactief contact willen geen signalen. Alternatief: alleen afwachten tot een inwoner klaagt; dat is later en minder eerlijk voor inwoners die niet klagen. De gemeente vult deze afweging aan met haar eigen DPIA en IAMA.",
    human_intervention: HUMAN_REVIEW,
    risk_management: `Risico's: onterechte signalen (onnodige aandacht), gemiste signalen, en ongelijke behandeling, bijvoorbeeld van inwoners die meer kanalen gebruiken of die in een andere taal schrijven. Maatregelen: een mens beslist altijd; elk signaal bewaart de regelversie en het bewijs; regels en parameters zijn openbaar en geversioneerd; precisie en recall van elke regel worden gemeten op een synthetische gemeente met bekende uitkomst ('omniloket signals evaluate-demo'); inzage in gegevens van inwoners wordt gelogd. ${CONSENT}`,
    legal_basis: `${FILL_IN} De wettelijke grondslag voor de dienstverlening aan inwoners en voor deze verwerking van hun klantcontactgegevens; Omniloket stelt geen grondslag vast.`,
    impact_assessments: `${FILL_IN} Bijvoorbeeld: Data Protection Impact Assessment (DPIA); Impact Assessment Mensenrechten en Algoritmes (IAMA).`,
    impact_assessment_explanation:
      "Deze registratie is gemaakt door Omniloket ('omniloket algorithms export'). Welke impacttoetsen zijn uitgevoerd, weet alleen de gemeente; zij vult dit aan voordat de registratie wordt gepubliceerd.",
    data: texts.data,
    technical_operation: `Signaalregel '${rule.id}', versie ${rule.version}. ${description} ${texts.operation} Parameters (versie ${rule.version}): ${describeParameters(rule.parameters)}. Invoer: de gegevens van één inwoner over de afgelopen 365 dagen. Uitvoer: nul of meer signalen, elk met een korte Nederlandse uitleg, het bewijs (ids van vragen, contacten en taken) en de regelversie. Werking: een vaste, deterministische regel; niet zelflerend. De regel wordt uitgevoerd na elk nieuw contact van de inwoner en periodiek voor alle inwoners; opnieuw beoordelen werkt een bestaand signaal bij en maakt geen dubbele. ${CONSENT}`,
    supplier: SUPPLIER,
    language: "nld",
    schema: "1.0.0",
    source_id: `omniloket:signal:${rule.id}:v${rule.version}`,
    search_terms: `Omniloket, klantcontact, signalen, ${rule.id}, casusregie, vastlopen`,
  };
}

const pct = (x: number) => x.toFixed(3).replace(".", ",");

function classifierEntry(ctx: RegisterContext): AlgorithmEntry {
  const c = ctx.classifier;
  const topics = new Set(shippedTopicExamples.map((e) => e.topicId)).size;
  return {
    name: "Indelen van binnenkomende vragen naar onderwerp",
    description_short:
      "Dit algoritme leest de tekst van een nieuwe vraag van een inwoner en stelt het onderwerp voor (bijvoorbeeld afval of paspoort), zodat de vraag bij het juiste team komt. Is het niet zeker genoeg, dan deelt een medewerker de vraag in.",
    organization: ctx.organization,
    theme: THEME,
    status: "In gebruik",
    start_date: ctx.startDate,
    contact: ctx.contact,
    publication_category: "Impactvolle algoritmes (Categorie B)",
    purpose_and_impact:
      "Doel: vragen die zonder onderwerp binnenkomen (mail, brief, formulier, chat) sneller bij het team krijgen dat ze kan beantwoorden. Impact: de inwoner krijgt sneller antwoord. Een verkeerd onderwerp betekent dat de vraag eerst bij een ander team komt, dat haar doorzet; het onderwerp bepaalt geen besluit over de inwoner. Het voorspelde onderwerp wordt ook gebruikt door de signaalregels die vragen per onderwerp groeperen.",
    considerations:
      "Voordeel: minder handwerk bij het indelen en kortere wachttijd. Nadeel: een model kan zich vergissen, en werkt alleen voor Nederlandse tekst. Daarom is gekozen voor een eenvoudig, uitlegbaar model (naive Bayes): bij elke voorspelling is te zien welke woorden de doorslag gaven. Onder een betrouwbaarheidsdrempel blijft het onderwerp onbekend en beslist een medewerker. Alternatief: alles met de hand indelen, wat trager is.",
    human_intervention:
      "Het algoritme neemt geen besluit over een inwoner en niets neemt automatisch contact op met een inwoner. Het voorspelde onderwerp bepaalt alleen naar welk team de vraag gaat. Medewerkers zien het onderwerp, de zekerheid en de woorden die de doorslag gaven, en kunnen het onderwerp altijd wijzigen; onder de drempel, of bij een andere taal dan Nederlands, deelt een medewerker in. Correcties van medewerkers worden voorbeelden waarmee het model van de gemeente opnieuw wordt getraind. Signalen die op een voorspeld onderwerp berusten, worden door een casusregisseur beoordeeld: een casusregisseur beslist.",
    risk_management:
      "Risico's: een verkeerd onderwerp (vertraging), en slechter werken voor inwoners die kort, in spreektaal of in een andere taal schrijven. Maatregelen: een betrouwbaarheidsdrempel waaronder een mens indeelt; tekst in een andere taal wordt niet ingedeeld maar met de herkende taal naar een medewerker gestuurd; de kwaliteit per onderwerp wordt gemeten ('omniloket classifier evaluate'); elke indeling wordt vastgelegd met de zekerheid en de doorslaggevende woorden; de trainingsvoorbeelden bevatten briefstijl, appstijl, belnotities en formuliertekst.",
    legal_basis: `${FILL_IN} De wettelijke grondslag voor de dienstverlening aan inwoners en voor deze verwerking van hun berichten; Omniloket stelt geen grondslag vast.`,
    impact_assessments: `${FILL_IN} Bijvoorbeeld: Data Protection Impact Assessment (DPIA); Impact Assessment Mensenrechten en Algoritmes (IAMA).`,
    impact_assessment_explanation:
      "Deze registratie is gemaakt door Omniloket ('omniloket algorithms export'). Welke impacttoetsen zijn uitgevoerd, weet alleen de gemeente; zij vult dit aan voordat de registratie wordt gepubliceerd.",
    data: `Bij gebruik: de tekst en het onderwerpveld van het bericht van de inwoner (eigen klantcontactgegevens van de gemeente in Omniloket). Bij het maken: ${shippedTopicExamples.length} voorbeeldberichten over ${topics} onderwerpen die met Omniloket worden meegeleverd, zelf geschreven zonder gegevens van echte personen, in vier stijlen (brief of e-mail, app-bericht met tikfouten, belnotitie van een medewerker, formuliertekst), aangevuld met de correcties van medewerkers van de gemeente (het onderwerp dat een medewerker koos, met de tekst van die vraag).`,
    technical_operation: `Methode: multinomiaal naive Bayes over TF-IDF-gewogen, L2-genormaliseerde kenmerken: gestemde Nederlandse woorden (een stemmer naar het Snowball-algoritme voor het Nederlands, zonder stopwoorden), paren van stammen en lettergroepen. Eerst herkent een taaldetector de taal; tekst in een andere taal dan Nederlands krijgt geen onderwerp. De voorspelling is het onderwerp met de hoogste kans als die boven een drempel ligt, anders 'onbekend'; bij elke voorspelling worden de woorden met de grootste bijdrage bewaard als uitleg. Zelflerend: het model wordt per gemeente opnieuw getraind (in milliseconden, in één doorgang) met de meegeleverde voorbeelden plus de correcties van medewerkers; er is geen ander leren. Gemeten kwaliteit (berekend bij het maken van deze registratie met 'evaluateShippedClassifier', dezelfde berekening als 'omniloket classifier evaluate'): getraind op ${c.trainingSize} van de meegeleverde voorbeelden en getoetst op ${c.heldOutSize} achtergehouden voorbeelden (gestratificeerde verdeling, seed ${c.seed}, aandeel ${c.heldOutShare}): macro-F1 ${pct(c.macroF1)}, accuracy ${pct(c.accuracy)}. Dit is de kwaliteit van het meegeleverde model op de meegeleverde voorbeelden, niet op de berichten van deze gemeente.`,
    supplier: SUPPLIER,
    language: "nld",
    schema: "1.0.0",
    source_id: "omniloket:classifier:topic:omniloket-topic-nb-v1",
    search_terms: "Omniloket, klantcontact, onderwerp, classificatie, naive Bayes, TF-IDF, routering",
  };
}

/** One entry per signal rule (in the worklist's order), then the topic classifier. */
export function algorithmRegisterEntries(
  ctx: RegisterContext,
  rules: readonly SignalRule<Record<string, unknown>>[] = SIGNAL_RULES,
): AlgorithmEntry[] {
  return [...rules.map((rule) => ruleEntry(rule, ctx)), classifierEntry(ctx)];
}
