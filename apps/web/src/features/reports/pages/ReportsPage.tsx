import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { usePublishedYears } from '../hooks/useReports';

export default function ReportsPage() {
  const { t } = useTranslation();
  const years = usePublishedYears();
  if (years.isPending) return <PageLoader />;
  if (years.error) throw years.error;
  return (
    <Page title={t('report.listTitle')} lead={t('report.listLead')}>
      {years.data.items.length === 0 ? (
        <Text>{t('report.none')}</Text>
      ) : (
        <List spacing="sm">
          {years.data.items.map((y) => (
            <List.Item key={y.year}>
              <Anchor component={Link} to={`/reports/${y.year}`}>
                {t('report.yearLink', { year: y.year })}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Page>
  );
}
