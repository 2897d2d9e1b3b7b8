import type { ReactNode } from 'react';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { Deadline, ZonedTime } from '../../../ui/Deadline';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import type { Competition } from '../../competitions/hooks/useCompetitions';
import { useMe } from '../../identity/hooks/useMe';
import { ApplicationView } from '../components/ApplicationView';
import { StatusTag } from '../components/StatusTag';
import { TaskList } from '../components/TaskList';
import {
  type Application,
  useApplication,
  useApplicationReviews,
  useCompetitionOf,
  useChecklist,
  useEvents,
  useRemarks,
} from '../hooks/useApplication';
import { useDocuments } from '../hooks/useDocuments';

function Fact({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} style={mono ? { fontFamily: 'ui-monospace, monospace', overflowWrap: 'anywhere' } : undefined}>
        {children}
      </Text>
    </div>
  );
}

/** The application's page, draft or not: its title, the competition it is for, its status, then `children`. */
function ApplicationFrame({
  application: a,
  competition: c,
  children,
}: {
  application: Application;
  competition: Competition;
  children: ReactNode;
}) {
  return (
    <Page
      title={a.title}
      lead={
        <Anchor component={Link} to={`/competitions/${c.id}`}>
          {c.title}
        </Anchor>
      }
    >
      <Group gap="xs">
        <StatusTag status={a.status} size="md" />
      </Group>
      {children}
    </Page>
  );
}

/** One topic of the page under its own heading (which names the section). */
function Topic({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** A draft: the task list, the deadline, the way to the check page and to the Resource Center. */
function DraftView({ application: a, competition: c }: { application: Application; competition: Competition }) {
  const { t } = useTranslation();
  const checklist = useChecklist(a.id);
  const remarks = useRemarks(a.id);
  const documents = useDocuments(a.id);
  const ready = checklist.data?.ready;
  return (
    <ApplicationFrame application={a} competition={c}>
      <Card withBorder padding="lg">
        <Deadline at={c.submissionDeadline} zone={c.timezone} label={t('competition.deadline')} />
      </Card>
      <Topic id="tasks" title={t('draft.tasksTitle')}>
        <TaskList
          application={a}
          checklist={checklist.data}
          remarks={remarks}
          documentsCount={documents.data?.items.length ?? 0}
        />
      </Topic>
      <Group gap="sm">
        <Button component={Link} to={`/applications/${a.id}/check`} size="md" variant={ready ? 'filled' : 'light'}>
          {t('draft.toCheck')}
        </Button>
        <Button component={Link} to={`/applications/${a.id}/consultations`} size="md" variant="default">
          {t('draft.toConsultations')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {ready ? t('draft.readyHint') : t('draft.notReadyHint')}
      </Text>
    </ApplicationFrame>
  );
}

/** After submit: the receipt, the timeline and the application as it was submitted; after the results, the decision. */
function SubmittedView({ application: a, competition: c }: { application: Application; competition: Competition }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const owner = me?.role === 'applicant' || me?.role === 'admin';
  const events = useEvents(a.id, owner);
  const announced = ['results_announced', 'archived'].includes(c.status);
  const reviews = useApplicationReviews(a.id, owner && announced && ['awarded', 'not_awarded'].includes(a.status));
  const documents = useDocuments(a.id);
  return (
    <ApplicationFrame application={a} competition={c}>
      {a.registrationNumber && (
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Fact label={t('submitted.number')}>{a.registrationNumber}</Fact>
            {a.submittedAt && (
              <Fact label={t('submitted.at')}>
                <ZonedTime at={a.submittedAt} zone={c.timezone} />
              </Fact>
            )}
          </SimpleGrid>
          {a.contentHash && (
            <Stack mt="md" gap={0}>
              <Fact label={t('submitted.hash')} mono>
                <span data-testid="content-hash">{a.contentHash}</span>
              </Fact>
            </Stack>
          )}
          <Group mt="md">
            <Anchor component={Link} to={`/applications/${a.id}/print`}>
              {t('submitted.print')}
            </Anchor>
          </Group>
        </Card>
      )}

      {a.status === 'ineligible' && a.ineligibleReason && (
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="xs">
            {t('view.ineligible')}
          </Title>
          <Text>{a.ineligibleReason}</Text>
        </Card>
      )}

      {(a.status === 'awarded' || a.status === 'not_awarded') && announced && (
        <Topic id="decision" title={t('view.decision')}>
          <Card withBorder padding="lg">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
              <Fact label={t('view.decisionLabel')}>{t(`view.decisions.${a.status}`)}</Fact>
              {a.awardedAmount && <Fact label={t('view.awardedAmount')}>{formatMoney(a.awardedAmount)}</Fact>}
              {a.score !== null && (
                <Fact label={t('view.score')}>{a.score.toLocaleString(i18n.language === 'ru' ? 'ru-RU' : 'en')}</Fact>
              )}
            </SimpleGrid>
          </Card>
          {reviews.data && reviews.data.items.length > 0 && (
            <Stack mt="md" gap="md">
              <Title order={3}>{t('view.reviews')}</Title>
              {reviews.data.items.map((r) => (
                <Card withBorder padding="md" key={r.expertLabel}>
                  <Text fw={700}>
                    {r.expertLabel} · {t('view.total', { total: r.total })}
                  </Text>
                  <Table.ScrollContainer minWidth={260}>
                    <Table verticalSpacing={4} mt="xs">
                      <Table.Tbody>
                        {Object.entries(r.scores as Record<string, number>).map(([code, score]) => (
                          <Table.Tr key={code}>
                            <Table.Th scope="row" fw={400}>
                              {c.criteria.find((k) => k.code === code)?.title ?? code}
                            </Table.Th>
                            <Table.Td ta="right">{score}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  {r.comment && (
                    <Text mt="xs" style={{ whiteSpace: 'pre-line' }}>
                      {r.comment}
                    </Text>
                  )}
                </Card>
              ))}
            </Stack>
          )}
        </Topic>
      )}

      {events.data && events.data.items.length > 0 && (
        <Topic id="timeline" title={t('view.timeline')}>
          <Timeline bulletSize={14} lineWidth={2} active={events.data.items.length}>
            {events.data.items.map((e, i) => (
              <Timeline.Item key={i} title={t(`applicationStatus.${e.to}`)}>
                <Text size="sm" c="dimmed">
                  <ZonedTime at={e.at} zone={c.timezone} /> ·{' '}
                  {t(`roles.${e.actorRole}`, { defaultValue: t('view.system') })}
                </Text>
                {e.reason && <Text size="sm">{e.reason}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Topic>
      )}

      <Topic id="content" title={t('view.content')}>
        <ApplicationView
          application={a}
          competition={c}
          headingLevel={3}
          documents={documents.data?.items}
          documentHref={(d) => `/api/v1/documents/${d.id}`}
        />
      </Topic>
    </ApplicationFrame>
  );
}

/** /applications/:id — the draft's task list, or the submitted application with its receipt and timeline. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);
  const competition = useCompetitionOf(application.data);
  if (application.error) {
    if (application.error instanceof ApiError && [400, 404].includes(application.error.status)) return <NotFoundPage />;
    throw application.error;
  }
  if (competition.error) throw competition.error;
  if (!application.data || !competition.data) return <PageLoader />;
  return application.data.status === 'draft' ? (
    <DraftView application={application.data} competition={competition.data} />
  ) : (
    <SubmittedView application={application.data} competition={competition.data} />
  );
}
