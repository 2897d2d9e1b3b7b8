import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { matchPath, Route, Routes, useLocation } from 'react-router';
import { competitionQuery, competitionsQuery, resultsQuery } from './features/competitions/hooks/useCompetitions';
import { RequireRole } from './features/identity/components/RequireRole';
import { meQuery, type Role } from './features/identity/hooks/useMe';
import { lazyWithWorkspaceStrings } from './i18n/WorkspaceStrings';
import { ErrorBoundary, NotFoundPage, PageLoader } from './ui/StatusPages';

type PageModule = { default: ComponentType };
/** Each page is its own chunk: a visitor's browser never loads the staff areas. */
const page = (load: () => Promise<PageModule>) => lazy(load);
/** A signed-in page: its chunk and the signed-in pages' strings, loaded side by side. */
const workspacePage = lazyWithWorkspaceStrings;

const loadHome = () => import('./features/home/pages/HomePage');
const loadCompetitions = () => import('./features/competitions/pages/CompetitionsPage');
const loadCompetition = () => import('./features/competitions/pages/CompetitionPage');
const loadResults = () => import('./features/competitions/pages/ResultsPage');
const loadLogin = () => import('./features/identity/pages/LoginPage');
const loadRegister = () => import('./features/identity/pages/RegisterPage');

const Home = page(loadHome);
const Competitions = page(loadCompetitions);
const Competition = page(loadCompetition);
const Results = page(loadResults);
const Login = page(loadLogin);
const Grant = workspacePage(() => import('./features/grants/pages/GrantPage'));
const GrantReport = workspacePage(() => import('./features/grants/pages/ReportPage'));
const AdminGrants = workspacePage(() => import('./features/grants/pages/AdminGrantsPage'));
const Project = page(() => import('./features/grants/pages/ProjectPage'));
const Reports = page(() => import('./features/reports/pages/ReportsPage'));
const Report = page(() => import('./features/reports/pages/ReportPage'));
const AdminDashboard = workspacePage(() => import('./features/admin/pages/DashboardPage'));
const AdminCompetition = workspacePage(() => import('./features/admin/pages/AdminCompetitionPage'));
const CompetitionEditor = workspacePage(() => import('./features/admin/pages/CompetitionEditorPage'));
const AdminApplications = workspacePage(() => import('./features/admin/pages/ApplicationsPage'));
const AdminExperts = workspacePage(() => import('./features/admin/pages/ExpertsPage'));
const AdminRanking = workspacePage(() => import('./features/admin/pages/RankingPage'));
const AdminUsers = workspacePage(() => import('./features/admin/pages/UsersPage'));
const AdminMails = workspacePage(() => import('./features/admin/pages/MailsPage'));
const AdminAudit = workspacePage(() => import('./features/admin/pages/AuditPage'));
const AdminStatistics = workspacePage(() => import('./features/admin/pages/StatisticsPage'));
const My = workspacePage(() => import('./features/applications/pages/MyPage'));
const ApplicationPage = workspacePage(() => import('./features/applications/pages/ApplicationPage'));
const EditSection = workspacePage(() => import('./features/applications/pages/EditSectionPage'));
const Check = workspacePage(() => import('./features/applications/pages/CheckPage'));
const Submitted = workspacePage(() => import('./features/applications/pages/SubmittedPage'));
const Print = workspacePage(() => import('./features/applications/pages/PrintPage'));
const AskConsultation = workspacePage(() => import('./features/applications/pages/ApplicationConsultationsPage'));
const Register = page(loadRegister);
const ForgotPassword = page(() => import('./features/identity/pages/ForgotPasswordPage'));
const ResetPassword = page(() => import('./features/identity/pages/ResetPasswordPage'));
const VerifyEmail = page(() => import('./features/identity/pages/VerifyEmailPage'));
const Invite = page(() => import('./features/identity/pages/InvitePage'));
const Account = workspacePage(() => import('./features/identity/pages/AccountPage'));
const Organization = workspacePage(() => import('./features/organizations/pages/OrganizationPage'));
const Notifications = workspacePage(() => import('./features/notifications/pages/NotificationsPage'));
const Consultations = workspacePage(() => import('./features/consultations/pages/ConsultationsPage'));
const Consultation = workspacePage(() => import('./features/consultations/pages/ConsultationPage'));
const Reviews = workspacePage(() => import('./features/reviews/pages/ReviewsPage'));
const Review = workspacePage(() => import('./features/reviews/pages/ReviewPage'));
const Conflicts = workspacePage(() => import('./features/reviews/pages/ConflictsPage'));

/**
 * The public pages a visitor lands on, with the data they show: on the first load their chunk and their
 * API calls start at once, beside the language file, instead of one after another.
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
  ['/login', loadLogin, () => Promise.resolve()],
  ['/register', loadRegister, () => Promise.resolve()],
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
}

const STAFF: Role[] = ['consultant', 'admin'];
const only = (roles: Role[] | undefined, element: ReactNode) => <RequireRole roles={roles}>{element}</RequireRole>;

/** One line per route of PORTAL.md (mails, bookmarks and tests link to these paths). */
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
          <Route path="/account" element={only(undefined, <Account />)} />
          <Route path="/organization" element={only(['applicant'], <Organization />)} />
          <Route path="/notifications" element={only(undefined, <Notifications />)} />

          <Route path="/my" element={only(['applicant'], <My />)} />
          <Route path="/applications/:id" element={only(undefined, <ApplicationPage />)} />
          <Route path="/applications/:id/edit/:section" element={only(['applicant'], <EditSection />)} />
          <Route path="/applications/:id/check" element={only(['applicant'], <Check />)} />
          <Route path="/applications/:id/submitted" element={only(['applicant'], <Submitted />)} />
          <Route path="/applications/:id/print" element={only(undefined, <Print />)} />
          <Route path="/applications/:id/consultations" element={only(['applicant'], <AskConsultation />)} />
          <Route path="/grants/:id" element={only(['applicant', ...STAFF], <Grant />)} />
          <Route path="/grants/:id/reports/:code" element={only(['applicant', ...STAFF], <GrantReport />)} />

          <Route path="/consultations" element={only(STAFF, <Consultations />)} />
          <Route path="/consultations/:id" element={only(STAFF, <Consultation />)} />

          <Route path="/reviews" element={only(['expert', 'admin'], <Reviews />)} />
          <Route path="/reviews/conflicts" element={only(['expert'], <Conflicts />)} />
          <Route path="/reviews/:id" element={only(['expert', 'admin'], <Review />)} />

          <Route path="/admin" element={only(['admin'], <AdminDashboard />)} />
          <Route path="/admin/competitions/new" element={only(['admin'], <CompetitionEditor />)} />
          <Route path="/admin/competitions/:id" element={only(['admin'], <AdminCompetition />)} />
          <Route path="/admin/competitions/:id/edit" element={only(['admin'], <CompetitionEditor />)} />
          <Route path="/admin/competitions/:id/applications" element={only(['admin'], <AdminApplications />)} />
          <Route path="/admin/competitions/:id/experts" element={only(['admin'], <AdminExperts />)} />
          <Route path="/admin/competitions/:id/ranking" element={only(['admin'], <AdminRanking />)} />
          <Route path="/admin/grants" element={only(['admin'], <AdminGrants />)} />
          <Route path="/admin/users" element={only(['admin'], <AdminUsers />)} />
          <Route path="/admin/notifications" element={only(['admin'], <AdminMails />)} />
          <Route path="/admin/audit" element={only(['admin'], <AdminAudit />)} />
          <Route path="/admin/statistics/:year" element={only(['admin'], <AdminStatistics />)} />

          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
