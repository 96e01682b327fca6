import { type Db, schema } from "@omniloket/db";

/** Demo only: a few knowledge-base answers and canned texts for Voorbeeldstad. */
export async function seedDemoKnowledge(db: Db, tenantId: string): Promise<void> {
  await db.insert(schema.knowledgeAnswers).values(
    [
      {
        topicId: "afval",
        title: "Wanneer worden de containers geleegd?",
        body: "De afvalkalender op voorbeeldstad.nl laat per adres zien wanneer de grijze en groene containers worden geleegd. Zet de container op de ophaaldag voor 7.30 uur aan de straat.",
      },
      {
        topicId: "afval",
        title: "Grofvuil laten ophalen",
        body: "Grofvuil halen we op afspraak op. Een afspraak maakt u online of via 14 020; per jaar zijn vier ophaalbeurten gratis.",
      },
      {
        topicId: "parkeren",
        title: "Parkeervergunning aanvragen",
        body: "Bewoners van een vergunninggebied vragen een parkeervergunning aan met DigiD. De vergunning geldt voor één kenteken.",
      },
      {
        topicId: "reisdocumenten",
        title: "Paspoort of identiteitskaart aanvragen",
        body: "Maak een afspraak bij de balie en neem een pasfoto en uw oude document mee. Na vijf werkdagen kunt u het nieuwe document ophalen.",
      },
      {
        topicId: null,
        title: "Openingstijden van het gemeentehuis",
        body: "Het gemeentehuis is op werkdagen open van 9.00 tot 17.00 uur, op donderdag tot 20.00 uur, alleen op afspraak.",
      },
    ].map((answer) => ({ tenantId, ...answer })),
  );
  await db.insert(schema.cannedTexts).values([
    {
      tenantId,
      name: "Ontvangstbevestiging",
      body: "Beste {{voornaam}},\n\nDank voor uw vraag over {{onderwerp}}. Wij hebben die ontvangen onder kenmerk {{kenmerk}} en nemen zo snel mogelijk contact met u op.\n\nMet vriendelijke groet,\nGemeente Voorbeeldstad",
    },
    {
      tenantId,
      name: "Afsluiting",
      body: "Beste {{voornaam}},\n\nWij beschouwen uw vraag ({{kenmerk}}) als beantwoord. Heeft u nog vragen, antwoord dan op dit bericht en vermeld het kenmerk.\n\nMet vriendelijke groet,\nGemeente Voorbeeldstad",
    },
  ]);
}
