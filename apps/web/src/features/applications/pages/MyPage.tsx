import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { Countdown, ZonedTime } from '../../../ui/Deadline';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { type Competition, phaseOf, useCompetitions } from '../../competitions/hooks/useCompetitions';
import { useMe } from '../../identity/hooks/useMe';
import { StatusTag } from '../components/StatusTag';
import type { Application } from '../hooks/useApplication';

const GROUPS: Array<{ key: string; statuses: string[] }> = [
  { key: 'drafts', statuses: ['draft'] },
  { key: 'submitted', statuses: ['submitted', 'under_review', 'reviewed'] },
  { key: 'decided', statuses: ['awarded', 'not_awarded', 'ineligible'] },
  { key: 'closed', statuses: ['withdrawn', 'not_submitted'] },
];

/** What a draft still needs, in the server's words (its failed submit rules, which the list carries). */
function DraftNeeds({ application }: { application: Application }) {
  const { t } = useTranslation();
  if (!application.checklist) return null;
  const failed = application.checklist.items.filter((i) => !i.ok);
  if (!failed.length)
    return (
      <Text size="sm" c="#1b5e20" fw={600}>
        {t('my.readyToSubmit')}
      </Text>
    );
  return (
    <Text size="sm">
      <strong>{t('my.stillNeeds')}</strong>{' '}
      {failed.map((i) => t(`check.rules.${i.code}.short`, { defaultValue: i.message })).join('; ')}
    </Text>
  );
}

function ApplicationCard({ application: a, competition }: { application: Application; competition?: Competition }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Anchor component={Link} to={`/applications/${a.id}`} fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {a.title}
          </Anchor>
          <StatusTag status={a.status} />
        </Group>
        {competition && (
          <Text size="sm" c="dimmed">
            {competition.title}
          </Text>
        )}
        {a.registrationNumber && (
          <Text size="sm">
            {t('submitted.number')}: <strong>{a.registrationNumber}</strong>
          </Text>
        )}
        {a.status === 'draft' && competition && (
          <>
            <Text size="sm">
              {t('my.deadline')} <ZonedTime at={competition.submissionDeadline} zone={competition.timezone} /> ·{' '}
              <Countdown to={competition.submissionDeadline} />
            </Text>
            <DraftNeeds application={a} />
          </>
        )}
        {a.status !== 'draft' && (
          <Text size="sm">
            {t(`my.next.${a.status}`, { amount: a.awardedAmount ? formatMoney(a.awardedAmount) : '' })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

const SEEN_KEY = 'grants.notificationsSeenAt';

/** /my — the NGO's dashboard: applications by status, open competitions, consultations, new notifications. */
export default function MyPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const applications = useQuery({
    queryKey: keys.applications({ mine: 'all', checklist: 'true' }),
    // Each draft's checklist comes with the list: one request, however many drafts.
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query: { pageSize: 100, checklist: true } } })),
    // The checklists change with every save in the editor: always fresh when the dashboard is opened.
    staleTime: 0,
  });
  const competitions = useCompetitions();
  const consultations = useQuery({
    queryKey: ['consultations', { mine: 'all' }],
    queryFn: () => unwrap(api.GET('/api/v1/consultations', { params: { query: { pageSize: 100 } } })),
  });
  // The same list as the header's bell (one request for both).
  const notifications = useQuery({
    queryKey: keys.notifications,
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { pageSize: 20 } } })),
    enabled: !!me,
    staleTime: 60_000,
  });
  if (applications.error) throw applications.error;
  if (!applications.data || !competitions.data) return <PageLoader />;
  const byId = new Map(competitions.data.items.map((c) => [c.id, c]));
  const open = competitions.data.items.filter((c) => phaseOf(c) === 'open');
  const items = applications.data.items;
  const activeConsultations = (consultations.data?.items ?? []).slice(-5).reverse();
  let seenAt = '';
  try {
    seenAt = localStorage.getItem(SEEN_KEY) ?? '';
  } catch {
    // private mode
  }
  const unread = (notifications.data?.items ?? []).filter((n) => n.status !== 'voided' && n.createdAt > seenAt);
  const titleOf = (applicationId: string) => items.find((a) => a.id === applicationId)?.title ?? '';

  return (
    <Page title={t('my.title')} lead={me?.fullName}>
      <section aria-labelledby="my-applications">
        <Title order={2} id="my-applications" mb="sm">
          {t('my.applications')}
        </Title>
        {items.length === 0 && <Text c="dimmed">{t('my.noApplications')}</Text>}
        <Stack gap="lg">
          {GROUPS.map((g) => {
            const group = items.filter((a) => g.statuses.includes(a.status));
            if (!group.length) return null;
            return (
              <div key={g.key}>
                <Title order={3} size="h4" mb="xs">
                  {t(`my.groups.${g.key}`)}{' '}
                  <Badge variant="light" color="gray" aria-hidden="true">
                    {group.length}
                  </Badge>
                </Title>
                <Stack component="ul" gap="sm" p={0} m={0}>
                  {group.map((a) => (
                    <ApplicationCard key={a.id} application={a} competition={byId.get(a.competitionId)} />
                  ))}
                </Stack>
              </div>
            );
          })}
        </Stack>
      </section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <section aria-labelledby="my-open">
          <Title order={2} id="my-open" mb="sm">
            {t('my.open')}
          </Title>
          {open.length === 0 ? (
            <Text c="dimmed">{t('my.noOpen')}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0}>
              {open.map((c) => (
                <Card key={c.id} withBorder padding="md" component="li" style={{ listStyle: 'none' }}>
                  <Anchor component={Link} to={`/competitions/${c.id}`} fw={600}>
                    {c.title}
                  </Anchor>
                  <Text size="sm" mt={4}>
                    {t('my.maxGrant', { amount: formatMoney(c.maxGrantAmount) })}
                  </Text>
                  <Text size="sm" c="blue.8">
                    <Countdown to={c.submissionDeadline} />
                  </Text>
                </Card>
              ))}
            </Stack>
          )}
        </section>

        <Stack gap="lg">
          <section aria-labelledby="my-consultations">
            <Title order={2} id="my-consultations" mb="sm">
              {t('my.consultations')}
            </Title>
            {activeConsultations.length === 0 ? (
              <Text c="dimmed">{t('my.noConsultations')}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0}>
                {activeConsultations.map((c) => (
                  <li key={c.id} style={{ listStyle: 'none' }}>
                    <Group gap="xs" wrap="wrap">
                      <Tag color={c.status === 'completed' ? 'green' : c.status === 'in_progress' ? 'blue' : 'yellow'}>
                        {t(`consult.status.${c.status}`)}
                      </Tag>
                      <Anchor component={Link} to={`/applications/${c.applicationId}/consultations`} size="sm">
                        {titleOf(c.applicationId) || t('consult.title')}
                      </Anchor>
                    </Group>
                  </li>
                ))}
              </Stack>
            )}
          </section>
          <section aria-labelledby="my-notifications">
            <Title order={2} id="my-notifications" mb="sm">
              {t('my.notifications', { count: unread.length })}
            </Title>
            {unread.length === 0 ? (
              <Text c="dimmed">{t('my.noNotifications')}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0}>
                {unread.slice(0, 5).map((n) => (
                  <li key={n.id} style={{ listStyle: 'none' }}>
                    <Text size="sm">{n.subject ?? n.template}</Text>
                  </li>
                ))}
              </Stack>
            )}
            <Anchor component={Link} to="/notifications" size="sm">
              {t('my.allNotifications')}
            </Anchor>
          </section>
        </Stack>
      </SimpleGrid>
    </Page>
  );
}
