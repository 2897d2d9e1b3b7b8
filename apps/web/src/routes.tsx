import { lazy, Suspense } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { matchPath, Route, Routes, useLocation } from 'react-router';
import { competitionQuery, competitionsQuery, resultsQuery } from './features/competitions/hooks/useCompetitions';
import { meQuery } from './features/identity/hooks/useMe';
import { loadWorkspaceStrings } from './i18n';
import { type LazyPage, lazyWithStrings } from './i18n/PageStrings';
import { ErrorBoundary, PageLoader } from './ui/StatusPages';

/** Every signed-in route, and "not found": one chunk, loaded for any path that is no public page. */
const loadWorkspace = () => import('./workspaceRoutes');

/** Each page is its own chunk, loaded with the strings it shows: a visitor's browser never loads the staff areas. */
const Home = lazyWithStrings(['competitions'], () => import('./features/home/pages/HomePage'));
const Competitions = lazyWithStrings(['competitions'], () => import('./features/competitions/pages/CompetitionsPage'));
const Competition = lazyWithStrings(['competitions'], () => import('./features/competitions/pages/CompetitionPage'));
const Results = lazyWithStrings(['competitions'], () => import('./features/competitions/pages/ResultsPage'));
const Reports = lazyWithStrings(['reports'], () => import('./features/reports/pages/ReportsPage'));
const Report = lazyWithStrings(['reports'], () => import('./features/reports/pages/ReportPage'));
const Project = lazyWithStrings(['reports'], () => import('./features/grants/pages/ProjectPage'));
const Login = lazyWithStrings(['account'], () => import('./features/identity/pages/LoginPage'));
const Register = lazyWithStrings(['account'], () => import('./features/identity/pages/RegisterPage'));
const ForgotPassword = lazyWithStrings(
  ['account', 'tokens'],
  () => import('./features/identity/pages/ForgotPasswordPage'),
);
const ResetPassword = lazyWithStrings(
  ['account', 'tokens'],
  () => import('./features/identity/pages/ResetPasswordPage'),
);
const VerifyEmail = lazyWithStrings(['account', 'tokens'], () => import('./features/identity/pages/VerifyEmailPage'));
const Invite = lazyWithStrings(['account', 'tokens'], () => import('./features/identity/pages/InvitePage'));
const Workspace = lazy(loadWorkspace);

const none = () => Promise.resolve();

/**
 * The public pages, with the data they show: on the first load their chunk, their strings and their API
 * calls start at once, beside the layout's strings, instead of one after another.
 */
const PRELOADS: [string, LazyPage<object>, (client: QueryClient, id: string) => Promise<unknown>][] = [
  ['/', Home, (client) => client.prefetchQuery(competitionsQuery())],
  ['/competitions', Competitions, (client) => client.prefetchQuery(competitionsQuery())],
  ['/competitions/:id', Competition, (client, id) => client.prefetchQuery(competitionQuery(id))],
  [
    '/competitions/:id/results',
    Results,
    (client, id) => Promise.all([client.prefetchQuery(competitionQuery(id)), client.prefetchQuery(resultsQuery(id))]),
  ],
  ['/reports', Reports, none],
  ['/reports/:year', Report, none],
  ['/projects/:id', Project, none],
  ['/login', Login, none],
  ['/register', Register, none],
  ['/forgot-password', ForgotPassword, none],
  ['/reset-password', ResetPassword, none],
  ['/verify-email', VerifyEmail, none],
  ['/invite', Invite, none],
];

export function preloadRoute(pathname: string, client: QueryClient) {
  // Someone signed in sees signed-in strings (the account menu, their pages): they start once /me says so.
  void client.prefetchQuery(meQuery()).then(() => {
    if (client.getQueryData(meQuery().queryKey)) void loadWorkspaceStrings();
  });
  for (const [pattern, page, data] of PRELOADS) {
    const match = matchPath(pattern, pathname);
    if (!match) continue;
    void page.preload();
    void data(client, match.params.id ?? '');
    return;
  }
  // Any other path is a signed-in page (or "not found"): its routes start beside the rest.
  void loadWorkspace();
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
