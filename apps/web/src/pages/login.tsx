import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Button, FieldError, Form, Input, Label, Text, TextField } from "react-aria-components";
import { ApiError, api, type Session, setCsrfToken } from "../api";
import { useI18n } from "../i18n";
import { ErrorSummary, useFocusOnMount } from "../layout";

const route = getRouteApi("/inloggen");
type FieldErrors = { field?: string; message: string }[];

/** Maps a problem+json answer to the summary; invalidParams point at the fields they name. */
export function problemErrors(error: unknown, fields: Record<string, string>): FieldErrors {
  if (!(error instanceof ApiError)) return [{ message: String(error) }];
  const params = error.problem.invalidParams ?? [];
  const tied = params
    .filter((p) => fields[p.name])
    .map((p) => ({ field: fields[p.name], message: `${error.problem.detail} (${p.reason})` }));
  return tied.length > 0 ? tied : [{ message: error.problem.detail }];
}

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { terug } = route.useSearch();
  const [step, setStep] = useState<"password" | "code">("password");
  const [errors, setErrors] = useState<FieldErrors>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [csrf, setCsrf] = useState<string | null>(null);
  const heading = useFocusOnMount<HTMLHeadingElement>();

  const done = async (token: string) => {
    setCsrfToken(token);
    const target = terug?.startsWith("/werkplek/") ? terug.slice("/werkplek".length) : "/inbox";
    await navigate({ href: target });
  };

  const fail = (next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  const submitPassword = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const missing: FieldErrors = [];
    if (!email) missing.push({ field: "email", message: t.required(t.email.toLowerCase()) });
    if (!password) missing.push({ field: "password", message: t.required(t.password.toLowerCase()) });
    if (missing.length > 0) return fail(missing);
    setBusy(true);
    try {
      const session = await api<Session>("/sessions", { method: "POST", body: { email, password } });
      if (session.secondFactorRequired) {
        setCsrf(session.csrfToken);
        setErrors([]);
        setStep("code");
      } else {
        await done(session.csrfToken);
      }
    } catch (error) {
      // A wrong password names no field on purpose; the summary points at the email field.
      const next = problemErrors(error, { email: "email", password: "password" });
      fail(next.map((e) => ({ ...e, field: e.field ?? "email" })));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code) return fail([{ field: "code", message: t.required(t.code.toLowerCase()) }]);
    setBusy(true);
    try {
      setCsrfToken(csrf);
      await api("/sessions/second-factor", { method: "POST", body: { code } });
      await done(csrf ?? "");
    } catch (error) {
      setCsrfToken(null);
      fail(problemErrors(error, { code: "code" }).map((e) => ({ ...e, field: "code" })));
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <div className="login">
      <h1 ref={heading} tabIndex={-1} className="utrecht-heading-1">
        {step === "password" ? t.loginTitle : t.secondFactorTitle}
      </h1>
      {errors.length > 0 && <ErrorSummary key={attempt} title={t.errorSummary} errors={errors} />}
      {step === "password" ? (
        <Form key="password" onSubmit={submitPassword} validationBehavior="aria" className="werkplek-form">
          <TextField
            name="email"
            type="email"
            autoComplete="username"
            isInvalid={!!errorFor("email")}
            className="utrecht-form-field"
          >
            <Label className="utrecht-form-label">{t.email}</Label>
            <Input id="email" className="utrecht-textbox" />
            <FieldError className="utrecht-form-field-error-message">{errorFor("email")}</FieldError>
          </TextField>
          <TextField
            name="password"
            type="password"
            autoComplete="current-password"
            isInvalid={!!errorFor("password")}
            className="utrecht-form-field"
          >
            <Label className="utrecht-form-label">{t.password}</Label>
            <Input id="password" className="utrecht-textbox" />
            <FieldError className="utrecht-form-field-error-message">{errorFor("password")}</FieldError>
          </TextField>
          <Button type="submit" isDisabled={busy} className="utrecht-button utrecht-button--primary-action">
            {t.logIn}
          </Button>
        </Form>
      ) : (
        // A key of its own, so React does not reuse the email input (and its value) for the code.
        <Form key="code" onSubmit={submitCode} validationBehavior="aria" className="werkplek-form">
          <TextField
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            isInvalid={!!errorFor("code")}
            className="utrecht-form-field"
          >
            <Label className="utrecht-form-label">{t.code}</Label>
            <Text slot="description" className="utrecht-form-field-description">
              {t.secondFactorHelp}
            </Text>
            <Input id="code" className="utrecht-textbox" autoFocus />
            <FieldError className="utrecht-form-field-error-message">{errorFor("code")}</FieldError>
          </TextField>
          <Button type="submit" isDisabled={busy} className="utrecht-button utrecht-button--primary-action">
            {t.confirm}
          </Button>
        </Form>
      )}
    </div>
  );
}
