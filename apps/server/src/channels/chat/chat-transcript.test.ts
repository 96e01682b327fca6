import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { simpleParser } from "mailparser";
import { createApp } from "../../app";
import type { AppDeps } from "../../platform/deps";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, logInAs, testDeps } from "../../test-support/harness";
import { enableChat, smtpCapture, visitor } from "./chat.test-helpers";

for (const backend of testBackends()) {
  describe(`web chat transcript by email through an SMTP relay (${backend.name})`, () => {
    const slug = "transcriptstad";
    let relay: Awaited<ReturnType<typeof smtpCapture>>;
    let database: Database & { drop(): Promise<void> };
    let deps: AppDeps;
    let app: App;

    before(async () => {
      relay = await smtpCapture();
      database = await backend.open();
      const tenant = await createTestTenant(database, slug);
      await enableChat(database, tenant.tenantId, slug);
      deps = testDeps(database);
      app = createApp(deps);
    });
    after(async () => {
      await database.drop();
      await relay.close();
    });

    it("emails the transcript with the question's reference in the subject", async () => {
      const v = visitor(app, slug, "203.0.113.7");
      const { questionReference } = await v.start();
      await v.send("messages", { text: "Mag ik een <b>dakkapel</b> bouwen?" });
      const agent = await logInAs(app, `agent@${slug}.test`);
      const [session] = await database.query<{ id: string }>("SELECT id FROM chat_sessions");
      await agent.post(`/api/v1/chat-sessions/${session?.id}/messages`, {
        text: "Daar is een vergunning voor nodig.",
      });
      assert.equal((await v.send("_end")).status, 204);
      assert.equal((await v.send("_transcript", {})).status, 400, "no address known or given");
      assert.equal((await v.send("_transcript", { email: "lotte@voorbeeld.test" })).status, 202);

      assert.equal((await relay.deliver(deps)).sent, 1);
      const mail = await simpleParser(relay.received.at(-1) ?? Buffer.alloc(0));
      assert.equal(mail.subject, `Uw chat met gemeente ${slug} [${questionReference}]`);
      assert.equal(
        mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : "",
        "lotte@voorbeeld.test",
      );
      assert.match(mail.text ?? "", /U: Mag ik een <b>dakkapel<\/b> bouwen\?/);
      assert.match(mail.text ?? "", /Medewerker: Daar is een vergunning voor nodig\./);
      assert.match(String(mail.html), /&#60;b&#62;dakkapel/);
    });
  });
}
