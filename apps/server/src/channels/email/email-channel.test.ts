import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import fc from "fast-check";
import nodemailer, { type Transporter } from "nodemailer";
import { ingestInteraction } from "../../features/ingest";
import { loadConfig } from "../../platform/config";
import type { AppDeps } from "../../platform/deps";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, type TestTenant, testDeps } from "../../test-support/harness";
import { receiveEmail } from "./receive-email";
import { type RunningSmtpInbound, startSmtpInbound } from "./smtp-inbound";

const ADDRESS = "contact@mail.test";
const MAX_ATTACHMENT = 50_000;

type Row = {
  id: string;
  text: string;
  subject: string | null;
  question_id: string;
  reference: string;
  delivery_status: string | null;
};

for (const backend of testBackends()) {
  describe(`email over SMTP (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let deps: AppDeps;
    let smtp: RunningSmtpInbound;
    let mailer: Transporter;

    const interaction = async (externalId: string): Promise<Row | undefined> =>
      (
        await database.query<Row>(
          `SELECT i.id::text, i.text, i.subject, i.question_id::text, q.reference, i.delivery_status
             FROM interactions i JOIN questions q ON q.id = i.question_id
            WHERE i.tenant_id = $1 AND i.external_id = $2`,
          [tenant.tenantId, externalId],
        )
      )[0];
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params))[0]?.n);
    const quarantined = async (reason: string) =>
      count("quarantined_messages WHERE reason = $1 AND raw_sha256 IS NOT NULL", [reason]);

    before(async () => {
      database = await backend.open();
      tenant = await createTestTenant(database, "mail");
      await database.query(
        `UPDATE tenants SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{channels}', $2::jsonb) WHERE id = $1`,
        [
          tenant.tenantId,
          JSON.stringify({ email: { addresses: [ADDRESS], from: `Gemeente Mail <${ADDRESS}>` } }),
        ],
      );
      deps = testDeps(database, { config: { ...loadConfig({}), attachmentMaxBytes: MAX_ATTACHMENT } });
      smtp = await startSmtpInbound(deps, { port: 0, host: "127.0.0.1" });
      mailer = nodemailer.createTransport({
        host: "127.0.0.1",
        port: smtp.port,
        secure: false,
        ignoreTLS: true,
      });
    });
    after(async () => {
      mailer.close();
      await smtp.close();
      await database.drop();
    });

    it("lands a mail with its attachment in the resident's timeline", async () => {
      await mailer.sendMail({
        from: "Els de Wit <els@voorbeeld.test>",
        to: ADDRESS,
        subject: "Container niet geleegd",
        text: "Mijn groene container is niet geleegd.",
        messageId: "<first@voorbeeld.test>",
        attachments: [{ filename: "foto.jpg", content: Buffer.alloc(2000, 7), contentType: "image/jpeg" }],
      });
      const row = await interaction("<first@voorbeeld.test>");
      assert.equal(row?.text, "Mijn groene container is niet geleegd.");
      assert.equal(row?.subject, "Container niet geleegd");
      const [timeline] = await database.query<{ value: string; file_name: string; size_bytes: number }>(
        `SELECT pi.value, a.file_name, a.size_bytes FROM interaction_parties ip
           JOIN party_identifiers pi ON pi.party_id = ip.timeline_party_id
           JOIN attachments a ON a.interaction_id = ip.interaction_id
          WHERE ip.interaction_id = $1`,
        [row?.id],
      );
      assert.deepEqual(timeline, { value: "els@voorbeeld.test", file_name: "foto.jpg", size_bytes: 2000 });
    });

    it("threads a reply to our outbound Message-ID and strips the quoted history", async () => {
      const first = await interaction("<first@voorbeeld.test>");
      await ingestInteraction(deps, {
        tenantId: tenant.tenantId,
        interaction: outbound("<out-1@mail.test>", first?.question_id ?? ""),
      });
      await mailer.sendMail({
        from: "els@voorbeeld.test",
        to: ADDRESS,
        subject: "Re: Container niet geleegd",
        text: "Dank u, hij is nu geleegd.\n\nOp 3 jun. 2024 om 10:00 schreef Gemeente Mail <contact@mail.test>:\n> We komen morgen langs.",
        messageId: "<second@voorbeeld.test>",
        inReplyTo: "<out-1@mail.test>",
        references: ["<first@voorbeeld.test>", "<out-1@mail.test>"],
      });
      const reply = await interaction("<second@voorbeeld.test>");
      assert.equal(reply?.question_id, first?.question_id);
      assert.equal(reply?.text, "Dank u, hij is nu geleegd.");
    });

    it("threads on the question reference in the subject for the question's own resident", async () => {
      const first = await interaction("<first@voorbeeld.test>");
      await mailer.sendMail({
        from: "els@voorbeeld.test",
        to: ADDRESS,
        subject: `Nog een vraag over uw vraag ${first?.reference}`,
        text: "Krijg ik een nieuwe container?",
        messageId: "<third@voorbeeld.test>",
      });
      assert.equal((await interaction("<third@voorbeeld.test>"))?.question_id, first?.question_id);
    });

    it("keeps an auto-reply only when it answers a known message, and never opens a question", async () => {
      const questions = await count("questions");
      await mailer.sendMail({
        from: "piet@voorbeeld.test",
        to: ADDRESS,
        subject: "Afwezig",
        text: "Ik ben tot maandag afwezig.",
        messageId: "<away-1@voorbeeld.test>",
        headers: { "Auto-Submitted": "auto-replied" },
      });
      assert.equal(await interaction("<away-1@voorbeeld.test>"), undefined);
      assert.equal(await quarantined("auto-reply"), 1);
      await mailer.sendMail({
        from: "els@voorbeeld.test",
        to: ADDRESS,
        subject: "Afwezig",
        text: "Ik ben tot maandag afwezig.",
        messageId: "<away-2@voorbeeld.test>",
        inReplyTo: "<out-1@mail.test>",
        headers: { "X-Autoreply": "yes" },
      });
      assert.equal(
        (await interaction("<away-2@voorbeeld.test>"))?.question_id,
        (await interaction("<out-1@mail.test>"))?.question_id,
      );
      assert.equal(await count("questions"), questions);
    });

    it("marks our message failed on a bounce and creates a task", async () => {
      await mailer.sendMail({
        envelope: { from: "", to: [ADDRESS] },
        raw: bounceFor("<out-1@mail.test>"),
      });
      assert.equal((await interaction("<out-1@mail.test>"))?.delivery_status, "failed");
      assert.equal(await count("tasks WHERE description LIKE 'Ons bericht via email%'"), 1);
    });

    it("refuses an unknown recipient with 550", async () => {
      await assert.rejects(
        mailer.sendMail({ from: "els@voorbeeld.test", to: "niemand@mail.test", subject: "x", text: "x" }),
        (error: { responseCode?: number }) => error.responseCode === 550,
      );
    });

    it("refuses a message over the size limit with 552", async () => {
      await assert.rejects(
        mailer.sendMail({
          from: "els@voorbeeld.test",
          to: ADDRESS,
          subject: "x",
          text: "x",
          attachments: [{ filename: "groot.bin", content: Buffer.alloc(MAX_ATTACHMENT * 4) }],
        }),
        (error: { responseCode?: number }) => error.responseCode === 552,
      );
    });

    it("quarantines mail without a usable sender, with its reason", async () => {
      await mailer.sendMail({
        envelope: { from: "x@voorbeeld.test", to: [ADDRESS] },
        raw: `To: ${ADDRESS}\r\nSubject: zonder afzender\r\nMessage-ID: <nofrom@voorbeeld.test>\r\n\r\nHallo`,
      });
      await mailer.sendMail({
        envelope: { from: "x@voorbeeld.test", to: [ADDRESS] },
        raw: `From: geen adres\r\nTo: ${ADDRESS}\r\nSubject: x\r\n\r\nHallo`,
      });
      assert.equal(await quarantined("no-sender"), 2);
      assert.equal(await interaction("<nofrom@voorbeeld.test>"), undefined);
    });

    it("drops an oversize attachment and notes it in the text", async () => {
      await mailer.sendMail({
        from: "els@voorbeeld.test",
        to: ADDRESS,
        subject: "Bewijsstukken",
        text: "Zie bijlagen.",
        messageId: "<big@voorbeeld.test>",
        attachments: [
          {
            filename: "groot.pdf",
            content: Buffer.alloc(MAX_ATTACHMENT + 1, 1),
            contentType: "application/pdf",
          },
          { filename: "klein.pdf", content: Buffer.alloc(100, 1), contentType: "application/pdf" },
        ],
      });
      const row = await interaction("<big@voorbeeld.test>");
      assert.equal(row?.text, "Zie bijlagen.\n\n[bijlage ‘groot.pdf’ te groot, niet opgeslagen]");
      assert.equal(await count("attachments WHERE interaction_id = $1", [row?.id]), 1);
    });

    it("stores a mail delivered twice once", async () => {
      const message = {
        from: "els@voorbeeld.test",
        to: ADDRESS,
        subject: "Dubbel",
        text: "Twee keer.",
        messageId: "<twice@voorbeeld.test>",
      };
      await mailer.sendMail(message);
      await mailer.sendMail(message);
      assert.equal(await count("interactions WHERE external_id = '<twice@voorbeeld.test>'"), 1);
    });

    it("never throws on random bytes or MIME and never writes half a contact", async () => {
      const header = fc.constantFrom(
        "From",
        "To",
        "Subject",
        "Message-ID",
        "In-Reply-To",
        "Content-Type",
        "Auto-Submitted",
        "References",
      );
      const mimeLike = fc
        .tuple(
          fc.array(fc.tuple(header, fc.string({ maxLength: 60 })), { maxLength: 8 }),
          fc.string({ maxLength: 300 }),
        )
        .map(([headers, body]) =>
          Buffer.from(`${headers.map(([h, v]) => `${h}: ${v}`).join("\r\n")}\r\n\r\n${body}`),
        );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
            mimeLike,
          ),
          async (raw) => {
            const before = await count("interactions");
            const result = await receiveEmail(deps, { raw, recipients: [ADDRESS] });
            const added = (await count("interactions")) - before;
            if (result.kind === "ingested") assert.equal(added, result.result.repeated ? 0 : 1);
            else assert.equal(added, 0);
          },
        ),
        { numRuns: 40 },
      );
    });
  });
}

function outbound(messageId: string, questionId: string) {
  return {
    channel: "email" as const,
    externalId: messageId,
    threadKey: messageId,
    direction: "outbound" as const,
    questionId,
    subject: "Container niet geleegd",
    text: "We komen morgen langs.",
    language: "nld",
    inReplyTo: [],
    subjectLinks: [],
    attachments: [],
    confidential: false,
    sender: {
      kind: "person" as const,
      identifiers: [{ kind: "email" as const, value: "els@voorbeeld.test" }],
    },
  };
}

function bounceFor(messageId: string): string {
  return [
    "From: Mail Delivery System <MAILER-DAEMON@relay.mail.test>",
    `To: ${ADDRESS}`,
    "Subject: Undelivered Mail Returned to Sender",
    "Message-ID: <bounce-1@relay.mail.test>",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain",
    "",
    "Uw bericht kon niet worden bezorgd.",
    "--b1",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; relay.mail.test",
    "",
    "Final-Recipient: rfc822; els@voorbeeld.test",
    "Action: failed",
    "Status: 5.1.1",
    "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
    "--b1",
    "Content-Type: message/rfc822",
    "",
    `From: ${ADDRESS}`,
    `Message-ID: ${messageId}`,
    "Subject: Container niet geleegd",
    "",
    "We komen morgen langs.",
    "--b1--",
    "",
  ].join("\r\n");
}
