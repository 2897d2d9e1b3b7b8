import { useState } from 'react';
import { Alert, Anchor, Button, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { keys } from '../../../api/keys';
import { describeError } from '../../../ui/errors';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { formatDateTime, visitorZone } from '../../../ui/time';
import { ApplicationView } from '../../applications/components/ApplicationView';
import { type Remark as FieldRemark, useApplication, useConsultation } from '../../applications/hooks/useApplication';
import { useDocuments } from '../../applications/hooks/useDocuments';
import { useCompetition } from '../../competitions/hooks/useCompetitions';
import { useMe } from '../../identity/hooks/useMe';
import { AnswerForm, focusRemark, useAnswerDraft } from '../components/AnswerForm';
import { Waiting } from '../components/Waiting';
import { type ConsultationItem, useApplicationConsultations, useTakeConsultation } from '../hooks/useConsultations';
import { VERDICT_COLOR } from './ConsultationsPage';

const STATUS_COLOR = { requested: 'yellow', in_progress: 'blue', completed: 'green' } as const;

/** An earlier (or later) round on the same application: its verdict, comment and remarks. */
function Round({ round, zone, current }: { round: ConsultationItem; zone: string; current: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <List.Item>
      <Stack gap={2}>
        <Group gap="xs" wrap="wrap">
          {current ? (
            <Text fw={700}>{t('consultation.thisRound')}</Text>
          ) : (
            <Anchor component={Link} to={`/consultations/${round.id}`} fw={600}>
              <time dateTime={round.requestedAt}>{formatDateTime(round.requestedAt, zone, i18n.language)}</time>
            </Anchor>
          )}
          <Tag color={STATUS_COLOR[round.status]}>{t(`consultation.statuses.${round.status}`)}</Tag>
          {round.verdict && (
            <Tag color={VERDICT_COLOR[round.verdict]}>{t(`consultation.verdicts.${round.verdict}`)}</Tag>
          )}
        </Group>
        <Text size="sm" lineClamp={2}>
          {round.question}
        </Text>
        {round.comment && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {round.comment}
          </Text>
        )}
        {round.remarks.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('consultation.remarksCount', { count: round.remarks.length })}
          </Text>
        )}
      </Stack>
    </List.Item>
  );
}

function CompletedAnswer({
  comment,
  verdict,
  remarks,
}: {
  comment: string;
  verdict: 'ready' | 'needs_changes';
  remarks: FieldRemark[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('consultation.answerTitle')}
      </Title>
      <div>
        <Tag size="md" color={VERDICT_COLOR[verdict]}>
          {t(`consultation.verdicts.${verdict}`)}
        </Tag>
      </div>
      <Text style={{ whiteSpace: 'pre-line' }}>{comment}</Text>
      <Text size="sm" c="dimmed">
        {t('consultation.remarksCount', { count: remarks.length })}
      </Text>
    </Stack>
  );
}

export default function ConsultationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe().data!;
  const client = useQueryClient();
  const consultation = useConsultation(id);
  const application = useApplication(consultation.data?.applicationId ?? '');
  const documents = useDocuments(consultation.data?.applicationId ?? '', !!consultation.data);
  const competition = useCompetition(application.data?.competitionId ?? '');
  const rounds = useApplicationConsultations(consultation.data?.applicationId);
  const take = useTakeConsultation();
  const [takeError, setTakeError] = useState<string | null>(null);
  const { draft, setDraft, clear } = useAnswerDraft(id);

  if (consultation.isPending || (consultation.data && application.isPending)) return <PageLoader />;
  const failed = consultation.error ?? application.error;
  if (failed) {
    if (failed instanceof ApiError && (failed.status === 404 || failed.status === 400)) return <NotFoundPage />;
    throw failed;
  }
  const c = consultation.data!;
  const a = application.data!;
  const zone = competition.data?.timezone ?? visitorZone();
  const mine = c.status === 'in_progress' && c.consultantId === me.id;
  const remarks: FieldRemark[] =
    c.status === 'completed' ? c.remarks : mine ? draft.remarks.filter((r) => r.field && r.text) : [];

  const onTake = () => {
    setTakeError(null);
    take.mutate(c.id, {
      onError: (error) =>
        setTakeError(
          error instanceof ApiError && error.body?.code === 'ALREADY_TAKEN'
            ? t('consultation.alreadyTaken')
            : describeError(error, t)[0].message,
        ),
    });
  };
  const remarkOn = (field: string) => (
    <Button
      size="compact-xs"
      variant="light"
      aria-label={t('consultation.remarkOnNamed', { field: t(`fields.${field}`) })}
      onClick={() => {
        setDraft((d) => ({ ...d, remarks: [...d.remarks, { field: field as never, text: '' }] }));
        focusRemark(draft.remarks.length);
      }}
    >
      {t('consultation.remarkOn')}
    </Button>
  );

  return (
    <Page
      title={t('consultation.title', { title: a.title })}
      lead={
        <>
          {a.registrationNumber ? `${a.registrationNumber} · ` : ''}
          {competition.data?.title}
        </>
      }
    >
      <Group gap="xs" wrap="wrap">
        <Tag size="md" color={STATUS_COLOR[c.status]}>
          {t(`consultation.statuses.${c.status}`)}
        </Tag>
        <Text size="sm">
          {t('consultation.requestedAt')}{' '}
          <time dateTime={c.requestedAt}>{formatDateTime(c.requestedAt, zone, i18n.language)}</time> ·{' '}
          <Waiting since={c.requestedAt} until={c.status === 'requested' ? null : c.takenAt} />
        </Text>
        {c.consultantName && c.status !== 'requested' && (
          <Text size="sm" c="dimmed">
            · {t('consultation.by', { name: c.consultantName })}
          </Text>
        )}
      </Group>

      <Card withBorder padding="lg" component="section" aria-labelledby="question-title">
        <Title order={2} size="h3" id="question-title" mb="xs">
          {t('consultation.question')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{c.question}</Text>
      </Card>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }} style={{ minWidth: 0 }}>
          <Stack gap="lg">
            <ApplicationView
              application={a}
              competition={competition.data}
              remarks={remarks}
              fieldAction={mine ? remarkOn : undefined}
              documents={documents.data?.items}
              documentHref={(d) => `/api/v1/documents/${d.id}`}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} style={{ minWidth: 0 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg">
              {takeError && (
                <Alert
                  color="orange"
                  role="alert"
                  title={t('consultation.takeFailed')}
                  styles={{ title: { color: '#7c3a00' } }}
                  mb="md"
                >
                  {takeError}
                </Alert>
              )}
              {c.status === 'requested' && me.role === 'consultant' && (
                <Stack gap="sm">
                  <Text>{t('consultation.takeHint')}</Text>
                  <div>
                    <Button size="md" onClick={onTake} loading={take.isPending}>
                      {t('consultations.take')}
                    </Button>
                  </div>
                </Stack>
              )}
              {c.status === 'requested' && me.role !== 'consultant' && (
                <Text>{t('consultation.waitingForConsultant')}</Text>
              )}
              {mine && (
                <AnswerForm
                  consultationId={c.id}
                  draft={draft}
                  setDraft={setDraft}
                  onDone={() => {
                    clear();
                    void client.invalidateQueries({ queryKey: keys.application(a.id) });
                  }}
                />
              )}
              {c.status === 'in_progress' && !mine && (
                <Text>{t('consultation.inProgressByOther', { name: c.consultantName ?? '' })}</Text>
              )}
              {c.status === 'completed' && c.verdict && c.comment && (
                <CompletedAnswer comment={c.comment} verdict={c.verdict} remarks={c.remarks} />
              )}
            </Card>
            {(rounds.data?.items.length ?? 0) > 1 && (
              <Card withBorder padding="lg" component="section" aria-labelledby="rounds-title">
                <Title order={2} size="h3" id="rounds-title" mb="sm">
                  {t('consultation.rounds')}
                </Title>
                <List spacing="sm" listStyleType="none" m={0} p={0}>
                  {rounds.data!.items.map((round) => (
                    <Round key={round.id} round={round} zone={zone} current={round.id === c.id} />
                  ))}
                </List>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
