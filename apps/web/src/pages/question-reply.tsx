import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import {
  Button,
  FieldError,
  Form,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from "react-aria-components";
import { ApiError, api, type Reply, type ReplyChannelSuggestion } from "../api";
import { channelName, useI18n } from "../i18n";
import { ErrorSummary } from "../layout";
import { problemErrors } from "./login";
import { appendText, KnowledgePanel } from "./question-knowledge";

/** The reply composer: the channel comes from the reply rule, with its reason shown. */
export function ReplyComposer({ questionId, topicId }: { questionId: string; topicId: string | null }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const suggestion = useQuery({
    queryKey: ["reply-channel", questionId],
    queryFn: () => api<ReplyChannelSuggestion>(`/questions/${questionId}/reply-channel`),
  });
  const [channel, setChannel] = useState<string>("");
  const [errors, setErrors] = useState<{ field?: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sentVia, setSentVia] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [replyText, setReplyText] = useState("");
  const insert = (addition: string) => setReplyText((current) => appendText(current, addition));

  useEffect(() => {
    if (suggestion.data?.channel && !channel) setChannel(suggestion.data.channel);
  }, [suggestion.data, channel]);

  const send = useMutation({
    mutationFn: (body: { text: string; channel?: string; overrideReason?: string }) =>
      api<Reply>(`/questions/${questionId}/replies`, { method: "POST", body }),
    onSuccess: async (reply) => {
      setErrors([]);
      setSentVia(reply.channel);
      setFormKey((k) => k + 1);
      setReplyText("");
      await queryClient.invalidateQueries({ queryKey: ["question", questionId] });
    },
    onError: (error) => {
      setErrors(
        problemErrors(error, {
          text: "reply-text",
          overrideReason: "override-reason",
          channel: "reply-channel",
        }),
      );
      setAttempt((n) => n + 1);
    },
  });

  const suggested = suggestion.data?.channel ?? null;
  const overriding = channel !== "" && suggested !== null && channel !== suggested;
  const options = suggestion.data
    ? Array.from(new Set([...(suggested ? [suggested] : []), ...suggestion.data.reachable]))
    : [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = String(data.get("text") ?? "").trim();
    const reason = String(data.get("overrideReason") ?? "").trim();
    const missing: { field: string; message: string }[] = [];
    if (!text) missing.push({ field: "reply-text", message: t.required(t.replyText.toLowerCase()) });
    if (overriding && reason.length < 3)
      missing.push({ field: "override-reason", message: t.required(t.overrideReason.toLowerCase()) });
    if (missing.length > 0) {
      setErrors(missing);
      setAttempt((n) => n + 1);
      return;
    }
    setSentVia(null);
    send.mutate(overriding ? { text, channel, overrideReason: reason } : { text });
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <section aria-labelledby="reply-title" className="reply">
      <h2 id="reply-title" className="utrecht-heading-2">
        {t.replyTitle}
      </h2>
      {suggestion.isError && (
        <p className="utrecht-paragraph" role="alert">
          {suggestion.error instanceof ApiError ? suggestion.error.problem.detail : String(suggestion.error)}
        </p>
      )}
      {suggestion.data && (
        <p className="utrecht-paragraph suggestion" data-testid="suggested-channel">
          {suggested ? (
            <>
              <strong>{t.suggested(channelName(t, suggested))}</strong> —{" "}
              {t.reasons[suggestion.data.reason] ?? suggestion.data.reason}.
            </>
          ) : (
            t.noSuggestion
          )}
        </p>
      )}
      <div role="status" aria-live="polite">
        {sentVia && <p className="utrecht-alert utrecht-alert--ok">{t.sent(channelName(t, sentVia))}</p>}
      </div>
      {errors.length > 0 && <ErrorSummary key={attempt} title={t.errorSummary} errors={errors} />}
      <Form key={formKey} onSubmit={submit} validationBehavior="aria" className="werkplek-form">
        {options.length > 0 && (
          <RadioGroup
            value={channel}
            onChange={setChannel}
            className="utrecht-form-fieldset radio-group"
            id="reply-channel"
          >
            <Label className="utrecht-form-label">{t.replyChannel}</Label>
            {options.map((c) => (
              <Radio key={c} value={c} className="radio">
                {channelName(t, c)} {c === suggested ? t.suggestedMark : ""}
              </Radio>
            ))}
          </RadioGroup>
        )}
        {overriding && (
          <TextField
            name="overrideReason"
            isRequired
            isInvalid={!!errorFor("override-reason")}
            className="utrecht-form-field"
          >
            <Label className="utrecht-form-label">{t.overrideReason}</Label>
            <Text slot="description" className="utrecht-form-field-description">
              {t.overrideHelp}
            </Text>
            <TextArea id="override-reason" rows={2} className="utrecht-textarea" />
            <FieldError className="utrecht-form-field-error-message">
              {errorFor("override-reason")}
            </FieldError>
          </TextField>
        )}
        <TextField
          name="text"
          value={replyText}
          onChange={setReplyText}
          isRequired
          isInvalid={!!errorFor("reply-text")}
          className="utrecht-form-field"
        >
          <Label className="utrecht-form-label">{t.replyText}</Label>
          <TextArea id="reply-text" rows={6} className="utrecht-textarea" />
          <FieldError className="utrecht-form-field-error-message">{errorFor("reply-text")}</FieldError>
        </TextField>
        <Button
          type="submit"
          isDisabled={send.isPending || suggested === null}
          className="utrecht-button utrecht-button--primary-action"
        >
          {send.isPending ? t.sending : t.send}
        </Button>
      </Form>
      <KnowledgePanel questionId={questionId} topicId={topicId} onInsert={insert} />
    </section>
  );
}
