import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireRole } from './features/identity/components/RequireRole';
import type { Role } from './features/identity/hooks/useMe';
import { lazyWithWorkspaceStrings } from './i18n/PageStrings';
import { NotFoundPage } from './ui/StatusPages';

/** A signed-in page: its chunk and the signed-in pages' strings, loaded side by side. */
const workspacePage = lazyWithWorkspaceStrings;

const Grant = workspacePage(() => import('./features/grants/pages/GrantPage'));
const GrantReport = workspacePage(() => import('./features/grants/pages/ReportPage'));
const AdminGrants = workspacePage(() => import('./features/grants/pages/AdminGrantsPage'));
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
const Account = workspacePage(() => import('./features/identity/pages/AccountPage'));
const Organization = workspacePage(() => import('./features/organizations/pages/OrganizationPage'));
const Notifications = workspacePage(() => import('./features/notifications/pages/NotificationsPage'));
const Consultations = workspacePage(() => import('./features/consultations/pages/ConsultationsPage'));
const Consultation = workspacePage(() => import('./features/consultations/pages/ConsultationPage'));
const Reviews = workspacePage(() => import('./features/reviews/pages/ReviewsPage'));
const Review = workspacePage(() => import('./features/reviews/pages/ReviewPage'));
const Conflicts = workspacePage(() => import('./features/reviews/pages/ConflictsPage'));

const STAFF: Role[] = ['consultant', 'admin'];
const only = (roles: Role[] | undefined, element: ReactNode) => <RequireRole roles={roles}>{element}</RequireRole>;

/**
 * The signed-in routes of PORTAL.md, one line each, and "not found" for any other path. A chunk of its
 * own (`routes.tsx` loads it for any path that is no public page), so a visitor's first load does not
 * carry the list of every staff page and the chunks each one needs.
 */
export default function WorkspaceRoutes() {
  return (
    <Routes>
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
  );
}
