import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { useMe } from '../../identity/hooks/useMe';
import { ReportEditor } from '../components/ReportEditor';
import { ReportView } from '../components/ReportView';
import { ReviewForm } from '../components/ReviewForm';
import { ReportStatusTag } from '../components/StatusTags';
import { reportTitle, useGrant, useReport } from '../hooks/useGrants';
import { formatDay } from '../../../ui/time';

const EDITABLE = ['pending', 'draft', 'returned'];

/**
 * /grants/:id/reports/:code: the NGO fills its report in (autosaved) and submits it; consultants and
 * admins read it and accept it or return it with a comment.
 */
export default function ReportPage() {
  const { t, i18n } = useTranslation();
  const { id = '', code = '' } = useParams();
  const me = useMe();
  const grant = useGrant(id);
  const report = useReport(id, code);
  if (grant.isPending || report.isPending || me.isPending) return <PageLoader />;
  const failed = grant.error ?? report.error;
  if (failed) {
    if (failed instanceof ApiError && [400, 404].includes(failed.status)) return <NotFoundPage />;
    throw failed;
  }
  const g = grant.data!;
  const r = report.data!;
  const role = me.data?.role;
  const grantOpen = g.status === 'active' || g.status === 'awaiting_agreement';
  const editing = role === 'applicant' && grantOpen && EDITABLE.includes(r.status);
  const reviewing = (role === 'admin' || role === 'consultant') && g.status === 'active' && r.status === 'submitted';
  return (
    <Page
      title={`${reportTitle(r, i18n.language)}: ${g.title}`}
      lead={t('grants.report.lead', { date: formatDay(r.dueDate, i18n.language), number: g.registrationNumber })}
    >
      <Anchor component={Link} to={`/grants/${g.id}`}>
        {t('grants.report.back')}
      </Anchor>
      <div>
        <ReportStatusTag status={r.status} overdue={r.overdue} />
      </div>
      {role === 'applicant' && g.status === 'awaiting_agreement' && (
        <Alert color="blue" variant="light">
          {t('grants.report.awaitingAgreement')}
        </Alert>
      )}
      {editing ? (
        <ReportEditor key={`${r.code}-${r.status}`} grantId={g.id} report={r} />
      ) : (
        <Stack gap="lg">
          {r.status === 'submitted' && role === 'applicant' && (
            <Alert color="blue" variant="light">
              {t('grants.report.submittedNote')}
            </Alert>
          )}
          {r.reviewComment && r.status === 'accepted' && (
            <Alert color="green" variant="light" title={t('grants.report.acceptedTitle')}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{r.reviewComment}</Text>
            </Alert>
          )}
          {r.status === 'pending' ? <Text>{t('grants.report.notStarted')}</Text> : <ReportView report={r} />}
          {reviewing && <ReviewForm grantId={g.id} report={r} />}
        </Stack>
      )}
    </Page>
  );
}
