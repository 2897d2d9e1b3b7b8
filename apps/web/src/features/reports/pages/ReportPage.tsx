import { Anchor, Blockquote, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { formatDate, visitorZone } from '../../../ui/time';
import { ReportFigures } from '../components/ReportFigures';
import { usePublishedReport } from '../hooks/useReports';

export default function ReportPage() {
  const { t, i18n } = useTranslation();
  const { year = '' } = useParams();
  const valid = /^\d{4}$/.test(year);
  const report = usePublishedReport(valid ? Number(year) : 0);
  if (!valid) return <NotFoundPage />;
  if (report.isPending) return <PageLoader />;
  if (report.error) {
    if (report.error instanceof ApiError && [400, 404].includes(report.error.status)) return <NotFoundPage />;
    throw report.error;
  }
  const r = report.data;
  return (
    <Page
      title={t('report.title', { year: r.year })}
      lead={t('report.published', { date: formatDate(r.publishedAt, visitorZone(), i18n.language) })}
    >
      <Blockquote color="teal" p="md" data-testid="headline">
        <Text size="lg" fw={500}>
          {i18n.language === 'en' ? r.headlineEn : r.headline}
        </Text>
      </Blockquote>
      <ReportFigures figures={r.figures} />
      <Anchor component={Link} to="/reports">
        {t('report.allYears')}
      </Anchor>
    </Page>
  );
}
