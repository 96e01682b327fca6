import type { TopicText } from "./topic-text";

/** Everyday municipal topics: streets, documents, permits. */
export const dailyTopics: Record<string, TopicText> = {
  afval: {
    form: "Melding afval",
    ask: [
      "Onze container is deze week niet geleegd, terwijl hij gewoon aan de weg stond op de {street}.",
      "Ik wil graag een afspraak maken om grofvuil te laten ophalen (een bank en een oude kast).",
      "Mijn afvalpas doet het niet meer bij de ondergrondse container op de hoek van de {street}.",
      "Ik heb een nieuwe groene container nodig, de oude is kapot gegaan bij het legen.",
      "Er staan al dagen vuilniszakken naast de container in de {street}. Wordt dit opgehaald?",
    ],
    note: [
      "meldt dat de container niet is geleegd",
      "wil grofvuil laten ophalen",
      "afvalpas werkt niet",
      "vraagt een nieuwe container aan",
    ],
    answer: [
      "De inzameldienst komt de container alsnog legen, uiterlijk binnen twee werkdagen.",
      "U kunt grofvuil aanmelden via de website; de ophaaldag in uw wijk is de eerste dinsdag van de maand.",
      "Wij hebben een nieuwe afvalpas voor u aangevraagd. Die ontvangt u binnen vijf werkdagen per post.",
    ],
    info: ["Wilt u ons het nummer op de container doorgeven? Dat staat op de sticker aan de voorkant."],
    notSolved: [
      "de container is nog steeds niet geleegd",
      "het grofvuil staat er nog steeds",
      "de pas werkt nog steeds niet",
    ],
  },
  "openbare-ruimte": {
    form: "Melding openbare ruimte",
    ask: [
      "De lantaarnpaal voor {street} {number} doet het al een week niet. 's Avonds is het erg donker.",
      "Er ligt een losse stoeptegel op de {street}, mijn moeder is er bijna over gevallen.",
      "De boom voor ons huis hangt over de straat, een grote tak kan er zo af vallen.",
      "Het speeltuintje bij de {street} is kapot, de schommel hangt aan één ketting.",
      "Het riool stinkt enorm in de {street} en bij regen loopt de straat onder.",
    ],
    note: [
      "meldt een kapotte lantaarnpaal",
      "meldt losliggende stoeptegels",
      "meldt een gevaarlijke boomtak",
      "meldt wateroverlast in de straat",
    ],
    answer: [
      "Uw melding is doorgezet naar de buitendienst. Zij herstellen dit binnen tien werkdagen.",
      "De losse tegels zijn inmiddels vastgelegd. Dank voor uw melding.",
      "Een boomdeskundige heeft gekeken; de tak wordt deze week gesnoeid.",
    ],
    info: [
      "Kunt u een foto sturen en de precieze plek aangeven, bijvoorbeeld het nummer op de lantaarnpaal?",
    ],
    notSolved: [
      "de lamp is nog steeds kapot",
      "de tegels liggen er nog steeds los",
      "er is nog niemand geweest",
    ],
  },
  parkeren: {
    form: "Parkeervergunning",
    ask: [
      "Ik wil een parkeervergunning aanvragen voor mijn nieuwe adres aan de {street}.",
      "Ik heb een parkeerboete gekregen terwijl ik een vergunning heb. Kenteken {plate}.",
      "Hoe vraag ik een gehandicaptenparkeerkaart aan? Ik kan nog maar kort lopen.",
      "Mijn bezoekersvergunning werkt niet in de app, mijn bezoek kan nergens parkeren.",
    ],
    note: [
      "vraagt een parkeervergunning aan",
      "bezwaar tegen parkeerboete",
      "vraagt naar gehandicaptenparkeerkaart",
      "bezoekersvergunning werkt niet",
    ],
    answer: [
      "Uw parkeervergunning is verwerkt en is vanaf morgen geldig voor kenteken {plate}.",
      "Wij hebben de naheffing ingetrokken; u hoeft niets te betalen.",
      "Voor een gehandicaptenparkeerkaart is een medische keuring nodig. U krijgt hiervoor een uitnodiging.",
    ],
    info: ["Wilt u een kopie van uw kentekenbewijs meesturen?"],
    notSolved: ["ik heb weer een boete gekregen", "de vergunning staat nog steeds niet in het systeem"],
  },
  reisdocumenten: {
    form: "Afspraak paspoort of ID-kaart",
    ask: [
      "Ik wil een afspraak maken voor een nieuw paspoort, we gaan in {month} op vakantie.",
      "Mijn identiteitskaart is gestolen. Wat moet ik doen?",
      "Kan ik mijn paspoort al ophalen? Ik heb het drie weken geleden aangevraagd.",
      "Mijn dochter heeft een ID-kaart nodig, moet zij zelf mee naar het gemeentehuis?",
    ],
    note: [
      "wil afspraak voor paspoort",
      "meldt gestolen ID-kaart",
      "vraagt of paspoort klaar ligt",
      "vraagt naar ID-kaart voor kind",
    ],
    answer: [
      "U kunt online een afspraak maken; de eerste vrije plek is over ongeveer twee weken.",
      "Uw document ligt klaar. U kunt het ophalen bij de balie zonder afspraak.",
      "Bij vermissing doet u eerst aangifte; daarna kunt u een nieuw document aanvragen.",
    ],
    info: ["Neem bij uw afspraak een recente pasfoto en uw oude document mee."],
    notSolved: ["het paspoort is er nog steeds niet", "ik kan online nergens een afspraak maken"],
  },
  rijbewijs: {
    form: "Rijbewijs",
    ask: [
      "Mijn rijbewijs verloopt in {month}. Ik ben 75 geworden, heb ik een keuring nodig?",
      "Ik ben mijn rijbewijs kwijtgeraakt. Hoe vraag ik een nieuw aan?",
      "Mijn gezondheidsverklaring is goedgekeurd, maar ik kan nog geen rijbewijs aanvragen.",
    ],
    note: ["vraagt naar verlenging rijbewijs", "rijbewijs kwijt", "vraagt naar gezondheidsverklaring"],
    answer: [
      "Vanaf 75 jaar heeft u een gezondheidsverklaring van het CBR nodig. Daarna kunt u verlengen bij de balie.",
      "U kunt een nieuw rijbewijs aanvragen met een verklaring van vermissing.",
    ],
    info: ["Heeft u de bevestiging van het CBR ontvangen? Wilt u die meesturen?"],
    notSolved: ["ik kan nog steeds niet verlengen"],
  },
  verhuizing: {
    form: "Verhuizing doorgeven",
    ask: [
      "Ik ben verhuisd naar de {street} {number} en wil mijn nieuwe adres doorgeven.",
      "Wij zijn binnen de gemeente verhuisd. Moet ik dat zelf doorgeven of gaat dat automatisch?",
      "Er staat iemand op mijn adres ingeschreven die ik niet ken. Hoe kan dat?",
      "Mijn verhuizing is nog steeds niet verwerkt, ik krijg post op mijn oude adres.",
    ],
    note: [
      "geeft verhuizing door",
      "vraagt hoe verhuizing door te geven",
      "onbekende persoon ingeschreven op adres",
      "verhuizing niet verwerkt",
    ],
    answer: [
      "Uw verhuizing is verwerkt in de basisregistratie personen.",
      "U kunt uw verhuizing online doorgeven met DigiD, tot vier weken voor de verhuisdatum.",
      "Wij starten een adresonderzoek. U hoort binnen vier weken de uitkomst.",
    ],
    info: [
      "Wij hebben een kopie van het huurcontract of een toestemmingsverklaring van de hoofdbewoner nodig.",
    ],
    notSolved: ["het adres is nog steeds niet aangepast", "ik krijg nog steeds post op het oude adres"],
  },
  "burgerzaken-akten": {
    form: "Aangifte geboorte of overlijden",
    ask: [
      "Ik wil de geboorte van onze zoon aangeven. Kan dat online of moet ik langskomen?",
      "Mijn vader is vorige week overleden. Wat moet ik allemaal regelen bij de gemeente?",
      "Wij willen trouwen in {month}. Hoe maken we een afspraak voor de melding?",
      "Ik heb een uittreksel van een akte nodig voor de notaris.",
    ],
    note: [
      "geeft geboorte aan",
      "meldt overlijden van vader",
      "wil trouwen, vraagt naar melding voorgenomen huwelijk",
      "vraagt uittreksel akte",
    ],
    answer: [
      "De aangifte is verwerkt. U ontvangt de akte binnen vijf werkdagen.",
      "De uitvaartondernemer doet de aangifte van overlijden. Voor andere zaken kunt u terecht bij onze balie.",
      "U kunt het uittreksel online aanvragen; de kosten zijn 14 euro.",
    ],
    info: ["Neemt u bij de aangifte uw identiteitsbewijs en dat van de moeder mee?"],
    notSolved: ["de akte is nog steeds niet ontvangen"],
  },
  vergunningen: {
    form: "Omgevingsvergunning",
    ask: [
      "Heb ik een vergunning nodig voor een dakkapel aan de achterkant van mijn huis?",
      "Ik heb in {month} een omgevingsvergunning aangevraagd. Wanneer krijg ik een besluit?",
      "De buren bouwen een schuur tegen onze erfgrens. Hebben zij daar een vergunning voor?",
      "Ik wil een boom in mijn tuin kappen. Mag dat zonder vergunning?",
    ],
    note: [
      "vraagt of vergunning nodig is voor dakkapel",
      "vraagt naar besluit op aanvraag omgevingsvergunning",
      "vraagt naar vergunning buren",
    ],
    answer: [
      "Een dakkapel aan de achterkant is meestal vergunningvrij. Controleer dit in het Omgevingsloket.",
      "Uw aanvraag is in behandeling. U krijgt uiterlijk binnen acht weken een besluit.",
    ],
    info: ["Wij missen nog een bouwtekening. Kunt u die via het Omgevingsloket aanvullen?"],
    notSolved: ["ik heb nog steeds geen besluit", "de buren bouwen gewoon door"],
  },
  ondernemen: {
    form: "Ondernemersloket",
    ask: [
      "Ik wil een eigen kapsalon beginnen aan huis. Welke vergunningen heb ik nodig?",
      "Ik wil in {month} een straatfeest organiseren. Hoe vraag ik een evenementenvergunning aan?",
      "Ik wil een marktkraam op de weekmarkt. Is er nog plek?",
      "Heb ik een terrasvergunning nodig voor twee tafeltjes voor de deur?",
    ],
    note: [
      "wil onderneming aan huis starten",
      "vraagt evenementenvergunning",
      "vraagt naar standplaats markt",
      "vraagt naar terrasvergunning",
    ],
    answer: [
      "Voor een kapsalon aan huis heeft u meestal geen vergunning nodig, wel een inschrijving bij de KvK.",
      "Een evenementenvergunning vraagt u minimaal acht weken van tevoren aan via de website.",
    ],
    info: ["Stuur ons een plattegrond met de plek van het terras en de afmetingen."],
    notSolved: ["ik heb nog steeds geen antwoord op mijn aanvraag"],
  },
  overlast: {
    form: "Melding overlast",
    ask: [
      "De bovenburen maken elke nacht herrie, al maanden. Wij slapen bijna niet meer.",
      "Er wordt gedeald in het portiek van {street} {number}. Ik voel me niet meer veilig.",
      "Er zijn weer autoruiten ingegooid in onze straat.",
      "Er staat al weken een auto zonder kenteken in de {street}.",
    ],
    note: [
      "meldt geluidsoverlast buren",
      "meldt drugsoverlast in portiek",
      "meldt vandalisme",
      "meldt weesauto",
    ],
    answer: [
      "Wij hebben uw melding doorgegeven aan de wijkboa en de wijkagent. Zij gaan met de buren in gesprek.",
      "Een handhaver heeft de auto gecontroleerd; deze wordt binnen twee weken weggesleept.",
    ],
    info: ["Wilt u een logboek bijhouden met data en tijden van de overlast?"],
    notSolved: ["de overlast gaat gewoon door", "er is nog steeds niets gebeurd"],
  },
  onderwijs: {
    form: "Leerlingenvervoer",
    ask: [
      "Mijn zoon gaat naar speciaal onderwijs. Kan hij leerlingenvervoer krijgen?",
      "De taxi voor het leerlingenvervoer komt steeds te laat, mijn dochter mist de eerste les.",
      "Waar kan ik een cursus Nederlands volgen?",
    ],
    note: [
      "vraagt leerlingenvervoer aan",
      "klaagt over te late taxi leerlingenvervoer",
      "vraagt naar taalcursus",
    ],
    answer: [
      "U kunt leerlingenvervoer aanvragen via het formulier op de website; wij beslissen binnen acht weken.",
      "Wij hebben de vervoerder aangesproken op de vertragingen.",
    ],
    info: ["Wij hebben nog een verklaring van de school nodig."],
    notSolved: ["de taxi is nog steeds te laat"],
  },
  klacht: {
    form: "Klacht indienen",
    ask: [
      "Ik wil een klacht indienen over de manier waarop ik aan de telefoon ben behandeld.",
      "Ik ben het niet eens met hoe mijn aanvraag is afgehandeld en wil een klacht indienen.",
      "Ik wacht al weken op een reactie en niemand neemt contact met mij op. Dit is toch niet normaal?",
    ],
    note: [
      "wil een klacht indienen over bejegening",
      "klaagt over afhandeling aanvraag",
      "klaagt over uitblijven reactie",
    ],
    answer: [
      "Uw klacht is in behandeling genomen. De klachtbehandelaar neemt binnen vijf werkdagen contact met u op.",
      "Wij bieden onze excuses aan. Wij hebben uw klacht besproken met de betrokken afdeling.",
    ],
    info: ["Kunt u aangeven op welke datum het gesprek plaatsvond?"],
    notSolved: ["ik heb nog niets gehoord over mijn klacht"],
  },
  overig: {
    form: "Contactformulier",
    ask: [
      "Ik heb een vraag maar weet niet bij welke afdeling ik moet zijn.",
      "Wat zijn de openingstijden van het gemeentehuis rond de feestdagen?",
      "Ik heb een brief gekregen maar ik begrijp niet wat ik moet doen.",
      "Kunt u mij helpen met een formulier? Ik snap het niet.",
    ],
    note: ["algemene vraag", "vraagt naar openingstijden", "begrijpt brief niet", "hulp bij formulier"],
    answer: ["Hierbij de informatie waar u om vroeg. Heeft u nog vragen, dan kunt u ons bellen via 14 0123."],
    info: ["Kunt u ons de brief sturen waar u het over heeft?"],
    notSolved: ["ik weet nog steeds niet wat ik moet doen"],
  },
};
