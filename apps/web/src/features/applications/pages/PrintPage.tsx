import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { ZonedTime } from '../../../ui/Deadline';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { ApplicationView } from '../components/ApplicationView';
import { useApplication, useCompetitionOf } from '../hooks/useApplication';
import { useDocuments } from '../hooks/useDocuments';
import classes from './PrintPage.module.css';

/** /applications/:id/print — the whole application on paper (or as a PDF): no navigation, print CSS. */
export default function PrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const application = useApplication(id);
  const competition = useCompetitionOf(application.data);
  const documents = useDocuments(id, application.isSuccess);
  if (application.error) {
    if (application.error instanceof ApiError && [400, 404].includes(application.error.status)) return <NotFoundPage />;
    throw application.error;
  }
  if (competition.error) throw competition.error;
  if (!application.data || !competition.data) return <PageLoader />;
  const a = application.data;
  const c = competition.data;
  return (
    <div className={classes.sheet}>
      <Page title={a.title} lead={c.title}>
        <Group justify="space-between" className={classes.noPrint}>
          <Text size="sm" c="dimmed">
            {t('print.hint')}
          </Text>
          <Button onClick={() => window.print()}>{t('print.button')}</Button>
        </Group>
        <Stack gap={4} className={classes.receipt}>
          <Text>
            <strong>{t('submitted.number')}:</strong> {a.registrationNumber ?? t('print.notSubmitted')}
          </Text>
          {a.submittedAt && (
            <Text>
              <strong>{t('submitted.at')}:</strong> <ZonedTime at={a.submittedAt} zone={c.timezone} />
            </Text>
          )}
          {a.contentHash && (
            <Text className={classes.hash}>
              <strong>{t('submitted.hash')}:</strong> {a.contentHash}
            </Text>
          )}
          <Text>
            <strong>{t('print.status')}:</strong> {t(`applicationStatus.${a.status}`)}
          </Text>
        </Stack>
        <ApplicationView application={a} competition={c} documents={documents.data?.items} />
      </Page>
    </div>
  );
}
