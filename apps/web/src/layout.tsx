import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { Button } from "react-aria-components";
import { api, hasSession, setCsrfToken } from "./api";
import { useI18n, useMessages } from "./i18n";
import { AdminNavLink } from "./pages/admin-nav-link";
import { messages as caseGuidanceMessages } from "./pages/case-guidance-messages";

export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const caseGuidance = useMessages(caseGuidanceMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Re-rendered on every navigation, so the logout button appears once the login completes.
  useRouterState({ select: (state) => state.location.pathname });
  const loggedIn = hasSession();
  const roles = useQuery({
    queryKey: ["session", "roles"],
    queryFn: () => api<{ roles: string[] }>("/sessions/current"),
    enabled: loggedIn,
  }).data?.roles;
  const supervises = loggedIn && (roles ?? []).some((r) => r === "supervisor" || r === "admin");
  const guides = loggedIn && (roles ?? []).some((r) => r === "case-guide" || r === "supervisor");
  const administers = loggedIn && (roles ?? []).includes("admin");
  const logOut = async () => {
    try {
      await api("/sessions/current", { method: "DELETE" });
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      await navigate({ to: "/inloggen" });
    }
  };
  return (
    <div className="utrecht-page werkplek">
      <a className="utrecht-link skip-link" href="#inhoud">
        {t.skipToContent}
      </a>
      <header className="werkplek-header">
        <span className="werkplek-brand">Omniloket · {t.appName}</span>
        {loggedIn && (
          <nav className="werkplek-nav" aria-label={t.mainNav}>
            <Link
              to="/inbox"
              className="utrecht-link werkplek-nav-link"
              activeProps={{ "aria-current": "page" }}
            >
              {t.navInbox}
            </Link>
            <Link
              to="/taken"
              className="utrecht-link werkplek-nav-link"
              activeProps={{ "aria-current": "page" }}
            >
              {t.navTasks}
            </Link>
            {supervises && (
              <Link
                to="/supervisie"
                className="utrecht-link werkplek-nav-link"
                activeProps={{ "aria-current": "page" }}
              >
                {t.navSupervision}
              </Link>
            )}
            {guides && (
              <Link
                to="/casusregie"
                className="utrecht-link werkplek-nav-link"
                activeProps={{ "aria-current": "page" }}
              >
                {caseGuidance.nav}
              </Link>
            )}
            {administers && <AdminNavLink />}
          </nav>
        )}
        <nav className="werkplek-actions" aria-label={language === "nl" ? "Werkplek" : "Workspace"}>
          <Button
            className="utrecht-button utrecht-button--subtle"
            aria-label={t.switchLanguageLabel}
            onPress={() => setLanguage(language === "nl" ? "en" : "nl")}
          >
            <span lang={language === "nl" ? "en" : "nl"}>{t.switchLanguage}</span>
          </Button>
          {loggedIn && (
            <Button className="utrecht-button utrecht-button--secondary-action" onPress={logOut}>
              {t.logOut}
            </Button>
          )}
        </nav>
      </header>
      <main id="inhoud" tabIndex={-1} className="werkplek-main">
        <Outlet />
      </main>
    </div>
  );
}

/** Moves focus to the page's heading when the page opens, so a screen reader announces it. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

export function ErrorSummary(props: { title: string; errors: { field?: string; message: string }[] }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  if (props.errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="utrecht-alert utrecht-alert--error error-summary"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="utrecht-heading-2">
        {props.title}
      </h2>
      <ul className="utrecht-unordered-list">
        {props.errors.map((error) => (
          <li key={`${error.field ?? ""}${error.message}`} className="utrecht-unordered-list__item">
            {error.field ? (
              <a className="utrecht-link" href={`#${error.field}`}>
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
