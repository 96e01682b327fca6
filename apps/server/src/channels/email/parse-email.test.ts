import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { separateNewText } from "./email-text";
import { parseEmail } from "./parse-email";

function mime(headers: string[], body: string | Buffer): Buffer {
  const head = Buffer.from(`${headers.join("\r\n")}\r\n\r\n`, "latin1");
  return Buffer.concat([head, typeof body === "string" ? Buffer.from(body, "latin1") : body]);
}

const base = [
  "From: Jan Jansen <jan@voorbeeld.test>",
  "To: contact@gemeente.test",
  "Message-ID: <m1@voorbeeld.test>",
];

describe("parseEmail charsets", () => {
  it("decodes a windows-1252 quoted-printable body", async () => {
    const mail = await parseEmail(
      mime(
        [
          ...base,
          "Subject: test",
          "Content-Type: text/plain; charset=windows-1252",
          "Content-Transfer-Encoding: quoted-printable",
        ],
        "Caf=E9, re=EBel, na=EFef: =8012,50 =96 dat=92s alles.",
      ),
    );
    assert.equal(mail.text, "Café, reëel, naïef: €12,50 – dat’s alles.");
  });

  it("repairs ISO-8859-1 that is really windows-1252 (8bit)", async () => {
    const body = Buffer.from([
      ...Buffer.from("Prijs: ", "latin1"),
      0x80,
      ...Buffer.from(" 5, caf", "latin1"),
      0xe9,
      ...Buffer.from(" van ", "latin1"),
      0x92,
      ...Buffer.from("t Hoekje, co", "latin1"),
      0xf6,
      ...Buffer.from("rdinatie", "latin1"),
    ]);
    const mail = await parseEmail(
      mime(
        [
          ...base,
          "Subject: x",
          "Content-Type: text/plain; charset=ISO-8859-1",
          "Content-Transfer-Encoding: 8bit",
        ],
        body,
      ),
    );
    assert.equal(mail.text, "Prijs: € 5, café van ’t Hoekje, coördinatie");
  });

  it("decodes RFC 2047 encoded words in subject and sender name", async () => {
    const mail = await parseEmail(
      mime(
        [
          "From: =?ISO-8859-1?Q?Ren=E9e_Ba=EFda?= <renee@voorbeeld.test>",
          "To: contact@gemeente.test",
          `Subject: =?UTF-8?B?${Buffer.from("Vraag over €-toeslag en ’t café").toString("base64")}?= =?windows-1252?Q?_re=EBel?=`,
          "Content-Type: text/plain; charset=utf-8",
        ],
        "Hallo",
      ),
    );
    assert.equal(mail.subject, "Vraag over €-toeslag en ’t café reëel");
    assert.equal(mail.from?.name, "Renée Baïda");
  });
});

describe("parseEmail structure", () => {
  it("reads threading headers as thread keys, In-Reply-To first", async () => {
    const mail = await parseEmail(
      mime(
        [
          ...base,
          "Subject: Re: x",
          "In-Reply-To: <b@gemeente.test>",
          "References: <a@gemeente.test> <b@gemeente.test>",
        ],
        "ok",
      ),
    );
    assert.equal(mail.messageId, "<m1@voorbeeld.test>");
    assert.deepEqual(mail.inReplyTo, ["<b@gemeente.test>", "<a@gemeente.test>"]);
    assert.deepEqual(mail.to, ["contact@gemeente.test"]);
  });

  it("turns HTML-only mail into text without scripts, handlers or images", async () => {
    const html =
      '<html><head><script>alert("x")</script><style>p{}</style></head><body><p onclick="steal()">Beste gemeente,</p>' +
      '<p>Mijn <b>container</b> is niet geleegd &amp; stinkt.<img src="https://tracker.test/p.gif"></p>' +
      "<blockquote>oude tekst</blockquote></body></html>";
    const mail = await parseEmail(
      mime([...base, "Subject: x", "Content-Type: text/html; charset=utf-8"], html),
    );
    assert.equal(mail.text, "Beste gemeente,\n\nMijn container is niet geleegd & stinkt.");
  });

  it("detects auto-replies by their headers", async () => {
    for (const header of [
      "Auto-Submitted: auto-replied",
      "X-Autoreply: yes",
      "X-Autorespond: 1",
      "Precedence: bulk",
      "Precedence: auto_reply",
    ]) {
      const mail = await parseEmail(mime([...base, "Subject: Afwezig", header], "Ik ben afwezig."));
      assert.equal(mail.autoReply, true, header);
    }
    const normal = await parseEmail(mime([...base, "Subject: x", "Auto-Submitted: no"], "Hoi"));
    assert.equal(normal.autoReply, false);
  });

  it("detects a delivery-status report and the Message-ID it is about", async () => {
    const raw = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.gemeente.test>",
      "To: contact@gemeente.test",
      "Subject: Undelivered Mail Returned to Sender",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Uw bericht kon niet worden bezorgd.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.gemeente.test",
      "",
      "Final-Recipient: rfc822; weg@voorbeeld.test",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
      "--b1",
      "Content-Type: text/rfc822-headers",
      "",
      "From: contact@gemeente.test",
      "Message-ID: <out-1@gemeente.test>",
      "Subject: Uw vraag",
      "--b1--",
      "",
    ].join("\r\n");
    const mail = await parseEmail(Buffer.from(raw));
    assert.equal(mail.bounce?.originalMessageId, "<out-1@gemeente.test>");
    assert.match(mail.bounce?.diagnostic ?? "", /user unknown/);
    assert.deepEqual(mail.attachments, []);
  });
});

describe("separateNewText", () => {
  const cases: Array<[string, string]> = [
    [
      "Dank u.\n\nOp ma 3 jun. 2024 om 10:00 schreef Gemeente <contact@gemeente.test>:\n> Oude tekst",
      "Dank u.",
    ],
    [
      "Thanks.\n\nOn Mon, Jun 3, 2024 at 10:00 AM Gemeente <\ncontact@gemeente.test> wrote:\n> old",
      "Thanks.",
    ],
    ["Prima.\n\n-----Oorspronkelijk bericht-----\nVan: Gemeente\nOude tekst", "Prima."],
    ["Fine.\n\n-----Original Message-----\nFrom: x\nold", "Fine."],
    [
      "Goed.\n\nVan: Gemeente <contact@gemeente.test>\nVerzonden: maandag 3 juni 2024 10:00\nAan: Jan\nOnderwerp: x\n\nOud",
      "Goed.",
    ],
    ["Ja.\n> geciteerd\nNog iets.", "Ja.\nNog iets."],
    [
      "Van: de buurman hoorde ik dat de straat dicht gaat.",
      "Van: de buurman hoorde ik dat de straat dicht gaat.",
    ],
  ];
  for (const [input, expected] of cases) {
    it(`keeps only the new text of ${JSON.stringify(input.slice(0, 30))}`, () => {
      assert.equal(separateNewText(input), expected);
    });
  }
});
