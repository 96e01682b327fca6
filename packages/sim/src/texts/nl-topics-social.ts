import type { TopicText } from "./topic-text";

/** Topics about money, care, work and housing: the ones where people most often get stuck. */
export const socialTopics: Record<string, TopicText> = {
  belastingen: {
    form: "Vraag over gemeentelijke belastingen",
    ask: [
      "Ik heb een aanslag gemeentelijke belastingen gekregen van {amount} euro, maar ik woon hier pas sinds {month}.",
      "Ik ben het niet eens met de WOZ-waarde van mijn woning en wil bezwaar maken.",
      "Ik heb een aanmaning gekregen terwijl ik al betaald heb.",
      "Waarom moet ik rioolheffing betalen voor een huis waar ik niet meer woon?",
    ],
    note: [
      "vraagt naar hoogte aanslag",
      "wil bezwaar maken tegen WOZ-waarde",
      "aanmaning ondanks betaling",
      "vraagt naar heffing na verhuizing",
    ],
    answer: [
      "Wij hebben de aanslag aangepast aan uw verhuisdatum. U ontvangt een nieuwe aanslag.",
      "U kunt binnen zes weken na de dagtekening bezwaar maken via Mijn Belastingzaken.",
      "Uw betaling is ontvangen; de aanmaning kunt u als niet verzonden beschouwen.",
    ],
    info: ["Wilt u het aanslagnummer en een bewijs van betaling meesturen?"],
    notSolved: ["ik heb weer een aanmaning gekregen", "de aanslag is nog steeds niet aangepast"],
  },
  kwijtschelding: {
    form: "Kwijtschelding aanvragen",
    ask: [
      "Ik heb een laag inkomen en kan de gemeentelijke belastingen niet betalen. Kan ik kwijtschelding krijgen?",
      "Mijn kwijtschelding is afgewezen, maar mijn inkomen is juist gedaald.",
      "Ik heb in {month} kwijtschelding aangevraagd en nog niets gehoord.",
    ],
    note: [
      "vraagt kwijtschelding aan",
      "kwijtschelding afgewezen, inkomen gedaald",
      "wacht op besluit kwijtschelding",
    ],
    answer: [
      "U komt in aanmerking voor kwijtschelding. De aanslag van dit jaar hoeft u niet te betalen.",
      "Wij hebben uw aanvraag opnieuw beoordeeld met uw nieuwe inkomen.",
    ],
    info: ["Wij hebben uw bankafschriften van de laatste drie maanden nodig."],
    notSolved: ["ik krijg nog steeds aanmaningen", "ik heb nog steeds geen besluit"],
  },
  betalingsregeling: {
    form: "Betalingsregeling",
    ask: [
      "Kan ik de aanslag van {amount} euro in termijnen betalen?",
      "Ik heb een betalingsregeling, maar er is toch het hele bedrag afgeschreven.",
      "Ik kan deze maand mijn termijn niet betalen. Wat gebeurt er dan?",
    ],
    note: [
      "vraagt betalingsregeling aan",
      "betalingsregeling niet goed verwerkt",
      "kan termijn niet betalen",
    ],
    answer: [
      "U kunt de aanslag in tien termijnen betalen. De regeling is vastgelegd.",
      "Het bedrag is teruggestort. Uw betalingsregeling loopt gewoon door.",
    ],
    info: ["Welk rekeningnummer wilt u gebruiken voor de automatische incasso?"],
    notSolved: ["er is weer het hele bedrag afgeschreven"],
  },
  inkomen: {
    form: "Aanvraag bijstand",
    ask: [
      "Ik heb geen inkomen meer en wil bijstand aanvragen. Hoe lang duurt dat?",
      "Mijn bijstand is deze maand niet overgemaakt. Ik kan de huur niet betalen.",
      "Kan ik bijzondere bijstand krijgen voor een nieuwe wasmachine?",
      "Ik heb een aanvraag gedaan in {month} en nog steeds geen uitkering.",
    ],
    note: [
      "wil bijstand aanvragen",
      "uitkering niet ontvangen, huur in gevaar",
      "vraagt bijzondere bijstand",
      "wacht op besluit bijstand",
    ],
    answer: [
      "Wij hebben uw aanvraag ontvangen. Een consulent neemt binnen vijf werkdagen contact met u op.",
      "De betaling is alsnog gedaan; het bedrag staat binnen twee werkdagen op uw rekening.",
      "U kunt een voorschot krijgen. Wij maken dit deze week over.",
    ],
    info: ["Wij missen nog uw bankafschriften en uw huurcontract. Wilt u die uploaden?"],
    notSolved: ["ik heb nog steeds geen geld ontvangen", "ik heb nog steeds niets gehoord"],
  },
  schulden: {
    form: "Hulp bij geldzaken",
    ask: [
      "Ik heb betalingsachterstanden en de deurwaarder staat voor de deur. Kunnen jullie helpen?",
      "Ik wil graag hulp bij mijn schulden, ik weet niet meer waar ik moet beginnen.",
      "Mijn schuldhulptraject loopt, maar mijn budgetcoach reageert niet meer.",
    ],
    note: ["vraagt hulp bij schulden, deurwaarder", "wil schuldhulpverlening", "budgetcoach onbereikbaar"],
    answer: [
      "Een schuldhulpverlener neemt binnen drie werkdagen contact met u op voor een eerste gesprek.",
      "Wij hebben contact opgenomen met de deurwaarder; de beslaglegging is voorlopig opgeschort.",
    ],
    info: ["Wilt u alle brieven van schuldeisers verzamelen en meenemen naar het eerste gesprek?"],
    notSolved: ["er heeft nog steeds niemand gebeld", "de deurwaarder is weer geweest"],
  },
  werk: {
    form: "Werk en re-integratie",
    ask: [
      "Ik ben mijn baan kwijt en zoek hulp bij het vinden van nieuw werk.",
      "Ik moet van mijn consulent een cursus volgen, maar die past niet bij mijn werktijden.",
      "Mag ik vrijwilligerswerk doen naast mijn uitkering?",
    ],
    note: [
      "zoekt hulp bij werk",
      "vraagt naar re-integratietraject",
      "vraagt naar vrijwilligerswerk naast uitkering",
    ],
    answer: [
      "Een werkcoach neemt contact met u op om een afspraak te maken.",
      "Vrijwilligerswerk mag, als u het vooraf meldt bij uw consulent.",
    ],
    info: ["Stuur ons uw cv, dan kan de werkcoach het gesprek voorbereiden."],
    notSolved: ["de werkcoach heeft nog steeds niet gebeld"],
  },
  "zorg-wmo": {
    form: "Melding Wmo",
    ask: [
      "Mijn moeder kan het huishouden niet meer alleen. Kan zij huishoudelijke hulp krijgen?",
      "Ik heb een traplift nodig, ik kom de trap niet meer op.",
      "Ik heb een scootmobiel aangevraagd in {month} en nog steeds niets gehoord.",
      "Ik zorg voor mijn zieke man en ik kan het bijna niet meer aan. Is er respijtzorg?",
    ],
    note: [
      "vraagt huishoudelijke hulp aan",
      "vraagt traplift aan",
      "wacht op scootmobiel",
      "mantelzorger overbelast",
    ],
    answer: [
      "Een Wmo-consulent komt bij u thuis voor een keukentafelgesprek. Wij bellen u voor een afspraak.",
      "Uw aanvraag is toegekend. De leverancier neemt contact met u op.",
    ],
    info: ["Wij hebben nog een medische verklaring of een brief van de huisarts nodig."],
    notSolved: ["er is nog steeds niemand geweest", "ik wacht nog steeds op de hulp"],
  },
  jeugd: {
    form: "Jeugd en gezin",
    ask: [
      "Onze zoon heeft hulp nodig, de huisarts heeft ons naar de gemeente verwezen.",
      "Wij staan al maanden op een wachtlijst voor jeugdhulp. Hoe lang duurt dit nog?",
      "Ik wil graag opvoedondersteuning, het gaat thuis niet goed.",
      "Mijn dochter gaat al weken niet naar school. Wie kan ons helpen?",
    ],
    note: [
      "vraagt jeugdhulp voor zoon",
      "wacht op jeugdhulp",
      "vraagt opvoedondersteuning",
      "dochter verzuimt school",
    ],
    answer: [
      "Het wijkteam neemt contact met u op voor een eerste gesprek.",
      "Wij hebben de zorgaanbieder gevraagd u voorrang te geven.",
    ],
    info: ["Mogen wij contact opnemen met de school en de huisarts?"],
    notSolved: ["wij staan nog steeds op de wachtlijst", "er is nog steeds geen hulp"],
  },
  wonen: {
    form: "Urgentie en huisvesting",
    ask: [
      "Ik moet mijn huis uit en heb nergens anders te gaan. Kan ik urgentie krijgen?",
      "Mijn huis is te groot en te duur geworden. Kan ik voorrang krijgen voor een kleinere woning?",
      "Mijn woning is niet meer geschikt nu ik in een rolstoel zit.",
      "Er woont een gezin in een schuur in de tuin van de buren, is dat wel toegestaan?",
    ],
    note: [
      "vraagt urgentie aan",
      "zoekt kleinere woning",
      "woning niet geschikt voor rolstoel",
      "meldt bewoning van schuur",
    ],
    answer: [
      "Uw urgentieaanvraag is in behandeling. Wij beslissen binnen acht weken.",
      "Wij verwijzen u naar de woningcorporatie; zij hebben een regeling voor doorstroming.",
    ],
    info: ["Wij hebben een verklaring van de verhuurder nodig."],
    notSolved: ["ik heb nog steeds geen besluit en ik moet er binnenkort uit"],
  },
};
