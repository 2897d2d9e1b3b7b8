import { type ComponentType, lazy, Suspense } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { matchPath, Route, Routes, useLocation } from 'react-router';
import { competitionQuery, competitionsQuery, resultsQuery } from './features/competitions/hooks/useCompetitions';
import { meQuery } from './features/identity/hooks/useMe';
import { loadWorkspaceStrings } from './i18n';
import { ErrorBoundary, PageLoader } from './ui/StatusPages';

type PageModule = { default: ComponentType };
/** Each page is its own chunk: a visitor's browser never loads the staff areas. */
const page = (load: () => Promise<PageModule>) => lazy(load);
/** Every signed-in route, and "not found": one chunk, loaded for any path that is no public page. */
const loadWorkspace = () => import('./workspaceRoutes');

const loadHome = () => import('./features/home/pages/HomePage');
const loadCompetitions = () => import('./features/competitions/pages/CompetitionsPage');
const loadCompetition = () => import('./features/competitions/pages/CompetitionPage');
const loadResults = () => import('./features/competitions/pages/ResultsPage');
const loadLogin = () => import('./features/identity/pages/LoginPage');
const loadRegister = () => import('./features/identity/pages/RegisterPage');

const loadProject = () => import('./features/grants/pages/ProjectPage');
const loadReports = () => import('./features/reports/pages/ReportsPage');
const loadReport = () => import('./features/reports/pages/ReportPage');
const loadForgotPassword = () => import('./features/identity/pages/ForgotPasswordPage');
const loadResetPassword = () => import('./features/identity/pages/ResetPasswordPage');
const loadVerifyEmail = () => import('./features/identity/pages/VerifyEmailPage');
const loadInvite = () => import('./features/identity/pages/InvitePage');

const Home = page(loadHome);
const Competitions = page(loadCompetitions);
const Competition = page(loadCompetition);
const Results = page(loadResults);
const Reports = page(loadReports);
const Report = page(loadReport);
const Project = page(loadProject);
const Login = page(loadLogin);
const Register = page(loadRegister);
const ForgotPassword = page(loadForgotPassword);
const ResetPassword = page(loadResetPassword);
const VerifyEmail = page(loadVerifyEmail);
const Invite = page(loadInvite);
const Workspace = lazy(loadWorkspace);

const none = () => Promise.resolve();

/**
 * The public pages, with the data they show: on the first load their chunk and their API calls start at
 * once, beside the language file, instead of one after another.
 */
const PRELOADS: [string, () => Promise<unknown>, (client: QueryClient, id: string) => Promise<unknown>][] = [
  ['/', loadHome, (client) => client.prefetchQuery(competitionsQuery())],
  ['/competitions', loadCompetitions, (client) => client.prefetchQuery(competitionsQuery())],
  ['/competitions/:id', loadCompetition, (client, id) => client.prefetchQuery(competitionQuery(id))],
  [
    '/competitions/:id/results',
    loadResults,
    (client, id) => Promise.all([client.prefetchQuery(competitionQuery(id)), client.prefetchQuery(resultsQuery(id))]),
  ],
  ['/reports', loadReports, none],
  ['/reports/:year', loadReport, none],
  ['/projects/:id', loadProject, none],
  ['/login', loadLogin, none],
  ['/register', loadRegister, none],
  ['/forgot-password', loadForgotPassword, none],
  ['/reset-password', loadResetPassword, none],
  ['/verify-email', loadVerifyEmail, none],
  ['/invite', loadInvite, none],
];

export function preloadRoute(pathname: string, client: QueryClient) {
  void client.prefetchQuery(meQuery());
  for (const [pattern, load, data] of PRELOADS) {
    const match = matchPath(pattern, pathname);
    if (!match) continue;
    void load();
    void data(client, match.params.id ?? '');
    return;
  }
  // Any other path is a signed-in page (or "not found"): its routes and strings start beside the rest.
  void loadWorkspace();
  void loadWorkspaceStrings();
}

/**
 * One line per public route of PORTAL.md (mails, bookmarks and tests link to these paths); the signed-in
 * ones are in `workspaceRoutes.tsx`.
 */
export function AppRoutes() {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/competitions" element={<Competitions />} />
          <Route path="/competitions/:id" element={<Competition />} />
          <Route path="/competitions/:id/results" element={<Results />} />
          <Route path="/reports" element={<Reports />} />
          <Route path="/reports/:year" element={<Report />} />
          <Route path="/projects/:id" element={<Project />} />

          <Route path="/login" element={<Login />} />
          <Route path="/register" element={<Register />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
          <Route path="/reset-password" element={<ResetPassword />} />
          <Route path="/verify-email" element={<VerifyEmail />} />
          <Route path="/invite" element={<Invite />} />
          <Route path="*" element={<Workspace />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
