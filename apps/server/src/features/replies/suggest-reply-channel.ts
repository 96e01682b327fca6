import type { Db } from "@omniloket/db";
import { chooseReplyChannel } from "@omniloket/domain";
import type { Principal } from "../../platform/auth/principal";
import { loadQuestionForChange } from "../questions";
import { loadReplyFacts } from "./reply-facts";

/** What the reply rule would pick for this question, with its reason, for the composer to show. */
export async function suggestReplyChannel(
  deps: { db: Db },
  input: { principal: Principal; questionId: string },
) {
  return deps.db.transaction(async (tx) => {
    const question = await loadQuestionForChange(tx, input.principal, input.questionId);
    const { facts } = await loadReplyFacts(tx, question);
    const choice = chooseReplyChannel(facts);
    return {
      channel: choice.channel,
      reason: choice.reason,
      reachable: [...facts.reachable],
      noDigitalContact: facts.noDigitalContact,
    };
  });
}
