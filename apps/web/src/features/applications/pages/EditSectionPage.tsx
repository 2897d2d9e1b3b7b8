import { useEffect } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { AboutSection } from '../components/AboutSection';
import { BudgetSection } from '../components/BudgetSection';
import { DocumentsSection } from '../components/DocumentsSection';
import { ProjectSection } from '../components/ProjectSection';
import { isSection } from '../components/sections';
import { useApplication, useCompetitionOf, useRemarks } from '../hooks/useApplication';
import { Navigate } from 'react-router';

/** Scrolls to and focuses the control a checklist link names (`#field-budgetLines-0-amount`). */
function useFocusHash(ready: boolean) {
  useEffect(() => {
    if (!ready || !window.location.hash) return;
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
    }
  }, [ready]);
}

/** /applications/:id/edit/:section — one topic of the draft per page, saved as it is typed. */
export default function EditSectionPage() {
  const { id = '', section } = useParams();
  const application = useApplication(id);
  const competition = useCompetitionOf(application.data);
  const remarks = useRemarks(id, application.isSuccess);
  const ready = application.isSuccess && competition.isSuccess;
  useFocusHash(ready);
  if (!isSection(section)) return <NotFoundPage />;
  if (application.error) {
    if (application.error instanceof ApiError && [400, 404].includes(application.error.status)) return <NotFoundPage />;
    throw application.error;
  }
  if (competition.error) throw competition.error;
  if (!ready) return <PageLoader />;
  const a = application.data;
  // Only a draft is edited; anything else is read on its own page.
  if (a.status !== 'draft') return <Navigate to={`/applications/${a.id}`} replace />;
  switch (section) {
    case 'about':
      return <AboutSection key={a.id} application={a} competition={competition.data} remarks={remarks} />;
    case 'project':
      return <ProjectSection key={a.id} application={a} remarks={remarks} />;
    case 'budget':
      return <BudgetSection key={a.id} application={a} competition={competition.data} remarks={remarks} />;
    case 'documents':
      return <DocumentsSection key={a.id} application={a} competition={competition.data} />;
  }
}
