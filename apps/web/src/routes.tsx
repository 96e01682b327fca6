import { QueryClient } from "@tanstack/react-query";
import { createRootRoute, createRoute, createRouter, redirect } from "@tanstack/react-router";
import { ApiError, restoreSession } from "./api";
import { Layout } from "./layout";
import { AdminDeadLettersPage } from "./pages/admin-dead-letters";
import { AdminEmployeesPage } from "./pages/admin-employees";
import { AdminFormsPage } from "./pages/admin-forms";
import { AdminHomePage } from "./pages/admin-home";
import { AdminKnowledgePage } from "./pages/admin-knowledge";
import { AdminQuarantinePage } from "./pages/admin-quarantine";
import { AdminRoutingPage } from "./pages/admin-routing";
import { AdminTeamsPage } from "./pages/admin-teams";
import { CaseGuidancePage } from "./pages/case-guidance";
import { InboxPage } from "./pages/inbox";
import { LoginPage } from "./pages/login";
import { QuestionPage } from "./pages/question";
import { SupervisionPage } from "./pages/supervision";
import { TasksPage } from "./pages/tasks";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; a network hiccup might.
      retry: (count, error) => !(error instanceof ApiError && error.problem.status >= 400) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Inbox filters live in the URL; they are team, topic, channel and status ids, never resident terms. */
export type InboxSearch = { status?: string; teamId?: string; topicId?: string; channel?: string };

const text = (value: unknown) =>
  typeof value === "string" && value.length > 0 && value.length < 100 ? value : undefined;

const requireSession = async ({ location }: { location: { href: string } }) => {
  if (!(await restoreSession())) throw redirect({ to: "/inloggen", search: { terug: location.href } });
};

const rootRoute = createRootRoute({ component: Layout });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async () => {
    throw redirect({ to: (await restoreSession()) ? "/inbox" : "/inloggen" });
  },
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/inloggen",
  validateSearch: (search: Record<string, unknown>): { terug?: string } => ({ terug: text(search.terug) }),
  component: LoginPage,
});

const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/inbox",
  validateSearch: (search: Record<string, unknown>): InboxSearch => ({
    status: text(search.status),
    teamId: text(search.teamId),
    topicId: text(search.topicId),
    channel: text(search.channel),
  }),
  beforeLoad: requireSession,
  component: InboxPage,
});

const questionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vragen/$questionId",
  beforeLoad: requireSession,
  component: QuestionPage,
});

const tasksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/taken",
  beforeLoad: requireSession,
  component: TasksPage,
});

const supervisionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/supervisie",
  beforeLoad: requireSession,
  component: SupervisionPage,
});

const caseGuidanceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/casusregie",
  beforeLoad: requireSession,
  component: CaseGuidancePage,
});

/** Admin pages (beheer); the API refuses anyone who is not an admin, and the pages then say so calmly. */
const adminRoutes = (
  [
    ["/beheer", AdminHomePage],
    ["/beheer/teams", AdminTeamsPage],
    ["/beheer/medewerkers", AdminEmployeesPage],
    ["/beheer/routering", AdminRoutingPage],
    ["/beheer/formulieren", AdminFormsPage],
    ["/beheer/kennisbank", AdminKnowledgePage],
    ["/beheer/quarantaine", AdminQuarantinePage],
    ["/beheer/onbestelbaar", AdminDeadLettersPage],
  ] as const
).map(([path, component]) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad: requireSession, component }),
);

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  inboxRoute,
  questionRoute,
  tasksRoute,
  supervisionRoute,
  caseGuidanceRoute,
  ...adminRoutes,
]);

export const router = createRouter({ routeTree, basepath: "/werkplek", defaultPreload: false });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
