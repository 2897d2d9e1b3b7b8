import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { ZonedTime } from '../../../ui/Deadline';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { formatDateTime, visitorZone } from '../../../ui/time';
import { useAdminCompetitions } from '../hooks/useAdmin';

/** Summaries fetched on load: with the three lists, at most five calls. */
const SUMMARIES = 2;

function Panel({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const competitions = useAdminCompetitions();
  const failed = useQuery({
    queryKey: keys.failedMails,
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { status: 'failed', pageSize: 5 } } })),
  });
  const waiting = useQuery({
    queryKey: ['consultations', { status: 'requested' }],
    queryFn: () =>
      unwrap(api.GET('/api/v1/consultations', { params: { query: { status: 'requested', pageSize: 100 } } })),
  });
  const all = competitions.data?.items ?? [];
  const inReview = all.filter((c) => c.status === 'review').slice(0, SUMMARIES);
  const summaries = useQueries({
    queries: inReview.map((c) => ({
      queryKey: keys.summary(c.id),
      queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/summary', { params: { path: { id: c.id } } })),
    })),
  });
  if (competitions.isPending) return <PageLoader />;
  if (competitions.error) throw competitions.error;
  const now = Date.now();
  const deadlines = all
    .filter((c) => c.status === 'open' && new Date(c.submissionDeadline).getTime() > now)
    .sort((a, b) => a.submissionDeadline.localeCompare(b.submissionDeadline));
  const oldest = [...(waiting.data?.items ?? [])]
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
    .slice(0, 5);
  const year = new Date().getFullYear();
  return (
    <Page
      title={t('admin.dashboard.title')}
      actions={
        <Group gap="sm" wrap="wrap">
          <Button component={Link} to="/admin/competitions/new">
            {t('admin.dashboard.newCompetition')}
          </Button>
          <Button component={Link} to={`/admin/statistics/${year}`} variant="default">
            {t('admin.dashboard.statistics', { year })}
          </Button>
          <Button component={Link} to="/admin/audit" variant="default">
            {t('admin.dashboard.audit')}
          </Button>
        </Group>
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel title={t('admin.dashboard.deadlines')} id="deadlines">
          {deadlines.length === 0 ? (
            <Text>{t('admin.dashboard.nothing')}</Text>
          ) : (
            <List spacing="xs">
              {deadlines.map((c) => (
                <List.Item key={c.id}>
                  <Anchor component={Link} to={`/admin/competitions/${c.id}`}>
                    {c.title}
                  </Anchor>
                  <Text size="sm">
                    <ZonedTime at={c.submissionDeadline} zone={c.timezone} />
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Panel>
        <Panel title={t('admin.dashboard.reviews')} id="reviews">
          {inReview.length === 0 ? (
            <Text>{t('admin.dashboard.nothing')}</Text>
          ) : (
            <List spacing="xs">
              {inReview.map((c, i) => {
                const s = summaries[i]?.data;
                return (
                  <List.Item key={c.id}>
                    <Anchor component={Link} to={`/admin/competitions/${c.id}/experts`}>
                      {c.title}
                    </Anchor>
                    {s && (
                      <Text size="sm">
                        {t('admin.dashboard.overdue', { count: s.reviews.overdue })} ·{' '}
                        {t('admin.dashboard.divergent', { count: s.divergent })}
                      </Text>
                    )}
                  </List.Item>
                );
              })}
            </List>
          )}
        </Panel>
        <Panel title={t('admin.dashboard.consultations')} id="consultations">
          {oldest.length === 0 ? (
            <Text>{t('admin.dashboard.nothing')}</Text>
          ) : (
            <List spacing="xs">
              {oldest.map((c) => (
                <List.Item key={c.id}>
                  <Anchor component={Link} to={`/consultations/${c.id}`}>
                    {t('admin.dashboard.waitingSince', {
                      at: formatDateTime(c.requestedAt, visitorZone(), i18n.language),
                    })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Panel>
        <Panel title={t('admin.dashboard.failedMails')} id="failed">
          <Stack gap="xs">
            <Text>{t('admin.dashboard.failedCount', { count: failed.data?.total ?? 0 })}</Text>
            <Anchor component={Link} to="/admin/notifications">
              {t('admin.dashboard.toMails')}
            </Anchor>
          </Stack>
        </Panel>
      </SimpleGrid>
      <section aria-labelledby="all">
        <Title order={2} size="h3" id="all" mb="xs">
          {t('admin.dashboard.all')}
        </Title>
        <List spacing="xs">
          {all.map((c) => (
            <List.Item key={c.id}>
              <Anchor component={Link} to={`/admin/competitions/${c.id}`}>
                {c.title}
              </Anchor>{' '}
              <Text span size="sm">
                · {t(`competitionStatus.${c.status}`)}
              </Text>
            </List.Item>
          ))}
        </List>
      </section>
    </Page>
  );
}
