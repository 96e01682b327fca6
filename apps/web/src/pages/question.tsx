import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ApiError, api, type Question } from "../api";
import { useI18n } from "../i18n";
import { useFocusOnMount } from "../layout";
import { QuestionFacts } from "./question-facts";
import { ReplyComposer } from "./question-reply";
import { QuestionTasks } from "./question-tasks";
import { QuestionTimeline } from "./question-timeline";
import { ResidentPanel } from "./resident-panel";

const route = getRouteApi("/vragen/$questionId");

export function QuestionPage() {
  const { t } = useI18n();
  const { questionId } = route.useParams();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const question = useQuery({
    queryKey: ["question", questionId],
    queryFn: () => api<Question>(`/questions/${questionId}`),
  });

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
      {question.isError && (
        <div className="utrecht-alert utrecht-alert--warning calm-error" role="alert">
          <h2 className="utrecht-heading-2">{t.questionError}</h2>
          <p className="utrecht-paragraph">
            {question.error instanceof ApiError ? question.error.problem.detail : String(question.error)}
          </p>
        </div>
      )}
      {question.data && (
        <>
          <QuestionFacts question={question.data} />
          <QuestionTimeline question={question.data} />
          <ReplyComposer questionId={questionId} topicId={question.data.topicId} />
          <QuestionTasks questionId={questionId} tasks={question.data.tasks ?? []} />
          {question.data.residentPartyId && <ResidentPanel partyId={question.data.residentPartyId} />}
        </>
      )}
    </div>
  );
}
