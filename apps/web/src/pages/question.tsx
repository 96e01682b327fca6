import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { ApiError, api, type Question } from "../api";
import { useI18n, useMessages } from "../i18n";
import { useLiveUpdates } from "../live";
import { QuestionAnnouncer } from "./question-announcer";
import { QuestionChange } from "./question-change";
import { QuestionChat } from "./question-chat";
import { QuestionClassification } from "./question-classification";
import { QuestionFacts } from "./question-facts";
import { QuestionMerge } from "./question-merge";
import { QuestionNotes } from "./question-notes";
import { ReplyComposer } from "./question-reply";
import { ResidentQuestionsTimeline, useResidentQuestions } from "./question-resident-timeline";
import { ThreadingSuggestions } from "./question-suggestions";
import { QuestionTasks } from "./question-tasks";
import { QuestionTimeline } from "./question-timeline";
import { QuestionTransfer } from "./question-transfer";
import { messages } from "./question-view-messages";
import { ResidentPanel } from "./resident-panel";

const route = getRouteApi("/vragen/$questionId");

export function QuestionPage() {
  const { t } = useI18n();
  const { questionId } = route.useParams();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus the title when the page opens and when another question opens in it (after a merge, say).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per question on purpose.
  useEffect(() => heading.current?.focus(), [questionId]);
  const question = useQuery({
    queryKey: ["question", questionId],
    queryFn: () => api<Question>(`/questions/${questionId}`),
  });
  // A reply, a new contact, a chat message or a colleague's change shows without a reload.
  useLiveUpdates(
    [
      ["question", questionId],
      ["question-chat", questionId],
    ],
    { matches: (event) => event.questionId === questionId },
  );

  return (
    <div className="question">
      <p>
        <Link to="/inbox" className="utrecht-link">
          ← {t.backToInbox}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1} className="utrecht-heading-1">
        {question.data ? t.questionTitle(question.data.reference) : t.loading}
      </h1>
      <QuestionAnnouncer questionId={questionId}>
        {question.isError && (
          <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
            <h2 className="utrecht-heading-2">{t.questionError}</h2>
            <p className="utrecht-paragraph">
              {question.error instanceof ApiError ? question.error.problem.detail : String(question.error)}
            </p>
          </div>
        )}
        {question.data && <QuestionView question={question.data} />}
      </QuestionAnnouncer>
    </div>
  );
}

function QuestionView({ question }: { question: Question }) {
  const m = useMessages(messages);
  const [view, setView] = useState<"question" | "resident">("question");
  const others = useResidentQuestions(question.residentPartyId, question.id);
  const merged = Boolean(question.mergedIntoId);
  const thisQuestion = (
    <>
      <QuestionTimeline question={question} otherQuestions={others} />
      {!merged && <ThreadingSuggestions suggestions={question.threadingSuggestions ?? []} />}
    </>
  );
  return (
    <>
      {question.mergedIntoId && (
        <div className="utrecht-alert utrecht-alert--warning">
          <p className="utrecht-paragraph">{m.mergedNotice}</p>
          <Link
            to="/vragen/$questionId"
            params={{ questionId: question.mergedIntoId }}
            className="utrecht-link"
          >
            {m.mergedLink}
          </Link>
        </div>
      )}
      <div className="question-layout">
        <div className="question-main">
          <QuestionFacts question={question} />
          <QuestionClassification question={question} />
          {!merged && <QuestionChange question={question} />}
          {!merged && <QuestionTransfer questionId={question.id} />}
          {question.residentPartyId ? (
            <Tabs
              selectedKey={view}
              onSelectionChange={(key) => setView(key === "resident" ? "resident" : "question")}
              className="question-tabs"
            >
              <TabList aria-label={m.viewSwitch} className="question-tab-list">
                <Tab id="question" className="question-tab">
                  {m.thisQuestion}
                </Tab>
                <Tab id="resident" className="question-tab">
                  {m.allQuestions}
                </Tab>
              </TabList>
              <TabPanel id="question" className="question-tab-panel">
                {thisQuestion}
              </TabPanel>
              <TabPanel id="resident" className="question-tab-panel">
                <ResidentQuestionsTimeline partyId={question.residentPartyId} currentId={question.id} />
              </TabPanel>
            </Tabs>
          ) : (
            thisQuestion
          )}
          {question.interactions.some((i) => i.channel === "chat") && <QuestionChat question={question} />}
          <ReplyComposer questionId={question.id} topicId={question.topicId} />
          {!merged && question.residentPartyId && <QuestionMerge questionId={question.id} others={others} />}
        </div>
        <div className="question-side">
          {question.residentPartyId && <ResidentPanel partyId={question.residentPartyId} />}
          <QuestionNotes questionId={question.id} notes={question.notes ?? []} />
          <QuestionTasks questionId={question.id} tasks={question.tasks ?? []} />
        </div>
      </div>
    </>
  );
}
