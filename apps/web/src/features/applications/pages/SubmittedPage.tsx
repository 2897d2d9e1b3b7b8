import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { ZonedTime } from '../../../ui/Deadline';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { useApplication, useCompetitionOf } from '../hooks/useApplication';

/** /applications/:id/submitted — the receipt: registration number, time in the competition's zone, SHA-256. */
export default function SubmittedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const application = useApplication(id);
  const competition = useCompetitionOf(application.data);
  if (application.error) {
    if (application.error instanceof ApiError && [400, 404].includes(application.error.status)) return <NotFoundPage />;
    throw application.error;
  }
  if (competition.error) throw competition.error;
  if (!application.data || !competition.data) return <PageLoader />;
  const a = application.data;
  const c = competition.data;
  if (!a.registrationNumber || !a.submittedAt) return <Navigate to={`/applications/${id}`} replace />;
  return (
    <Stack maw={760} w="100%">
      <Page title={t('submitted.title')}>
        <Alert color="#1b5e20" variant="light" title={t('submitted.panel')} data-testid="receipt">
          <Stack gap="xs">
            <Text size="sm">{t('submitted.number')}</Text>
            <Text fz={28} fw={800} data-testid="registration-number">
              {a.registrationNumber}
            </Text>
          </Stack>
        </Alert>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <div>
              <Text size="sm" c="dimmed">
                {t('fields.title')}
              </Text>
              <Text fw={600}>{a.title}</Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('submitted.at')}
              </Text>
              <Text fw={600}>
                <ZonedTime at={a.submittedAt} zone={c.timezone} />
              </Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('submitted.hash')}
              </Text>
              <Text fw={600} ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="content-hash">
                {a.contentHash}
              </Text>
              <Text size="sm" c="dimmed">
                {t('submitted.hashHint')}
              </Text>
            </div>
          </Stack>
        </Card>
        <section aria-labelledby="next">
          <Title order={2} id="next" mb="sm">
            {t('submitted.nextTitle')}
          </Title>
          <List spacing="xs">
            <List.Item>{t('submitted.next.mail')}</List.Item>
            <List.Item>{t('submitted.next.review')}</List.Item>
            <List.Item>{t('submitted.next.results')}</List.Item>
            <List.Item>{t('submitted.next.withdraw')}</List.Item>
          </List>
        </section>
        <Group gap="sm">
          <Button component={Link} to={`/applications/${a.id}/print`} size="md">
            {t('submitted.print')}
          </Button>
          <Button component={Link} to={`/applications/${a.id}`} size="md" variant="default">
            {t('submitted.toApplication')}
          </Button>
          <Anchor component={Link} to="/my">
            {t('submitted.toMy')}
          </Anchor>
        </Group>
      </Page>
    </Stack>
  );
}
