import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, NativeSelect, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { describeError } from '../../../ui/errors';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { formatDateTime, visitorZone } from '../../../ui/time';
import { useCompetitions } from '../../competitions/hooks/useCompetitions';
import { useMe } from '../../identity/hooks/useMe';
import { Waiting } from '../components/Waiting';
import {
  type ConsultationItem,
  type ConsultationStatus,
  useConsultationQueue,
  useTakeConsultation,
} from '../hooks/useConsultations';

const TABS: ConsultationStatus[] = ['requested', 'in_progress', 'completed'];
export const VERDICT_COLOR = { ready: 'green', needs_changes: 'yellow' } as const;

function Row({
  item,
  competitionTitle,
  zone,
  onTake,
  taking,
}: {
  item: ConsultationItem;
  competitionTitle?: string;
  zone: string;
  onTake?: () => void;
  taking?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Anchor
            component={Link}
            to={`/consultations/${item.id}`}
            fw={700}
            size="lg"
            style={{ overflowWrap: 'anywhere' }}
          >
            {item.applicationTitle}
          </Anchor>
          {item.verdict && <Tag color={VERDICT_COLOR[item.verdict]}>{t(`consultation.verdicts.${item.verdict}`)}</Tag>}
        </Group>
        <Text size="sm" c="dimmed">
          {item.organizationName}
          {competitionTitle && ` · ${competitionTitle}`}
        </Text>
        <Text lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {item.question}
        </Text>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            <time dateTime={item.requestedAt}>{formatDateTime(item.requestedAt, zone, i18n.language)}</time>
            {' · '}
            <Text span fw={600} c={item.status === 'requested' ? '#7c3a00' : undefined}>
              <Waiting since={item.requestedAt} until={item.status === 'requested' ? null : item.takenAt} />
            </Text>
          </Text>
          {onTake && (
            <Button
              size="sm"
              onClick={onTake}
              loading={taking}
              aria-label={t('consultations.takeNamed', { title: item.applicationTitle })}
            >
              {t('consultations.take')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

export default function ConsultationsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (TABS as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ConsultationStatus)
    : 'requested';
  const competitionId = params.get('competitionId') || undefined;
  const competitions = useCompetitions();
  const queue = useConsultationQueue({ status, competitionId });
  const take = useTakeConsultation();
  const [takeError, setTakeError] = useState<string | null>(null);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const byId = new Map((competitions.data?.items ?? []).map((c) => [c.id, c]));
  const items = (queue.data?.items ?? []).filter(
    (c) => status !== 'in_progress' || me.role === 'admin' || c.consultantId === me.id,
  );

  const onTake = (item: ConsultationItem) => {
    setTakeError(null);
    take.mutate(item.id, {
      onSuccess: () => navigate(`/consultations/${item.id}`),
      onError: (error) =>
        setTakeError(
          error instanceof ApiError && error.body?.code === 'ALREADY_TAKEN'
            ? t('consultation.alreadyTaken')
            : describeError(error, t)[0].message,
        ),
    });
  };

  return (
    <Page title={t('consultations.title')} lead={t('consultations.lead')}>
      {takeError && (
        <Alert
          color="orange"
          role="alert"
          title={t('consultation.takeFailed')}
          styles={{ title: { color: '#7c3a00' } }}
        >
          {takeError}
        </Alert>
      )}
      <NativeSelect
        label={t('consultations.competition')}
        name="competitionId"
        id="field-competitionId"
        value={competitionId ?? ''}
        onChange={(e) => set('competitionId', e.currentTarget.value || undefined)}
        data={[
          { value: '', label: t('consultations.allCompetitions') },
          ...(competitions.data?.items ?? []).map((c) => ({ value: c.id, label: c.title })),
        ]}
        maw={520}
      />
      <Tabs value={status} onChange={(value) => set('status', value ?? undefined)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`consultations.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            {queue.isPending ? (
              <PageLoader />
            ) : queue.error ? (
              <Alert color="red" role="alert">
                {describeError(queue.error, t)[0].message}
              </Alert>
            ) : items.length === 0 ? (
              <Text c="dimmed">{t(`consultations.empty.${tab}`)}</Text>
            ) : (
              <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {items.map((item) => (
                  <Row
                    key={item.id}
                    item={item}
                    competitionTitle={byId.get(item.competitionId)?.title}
                    zone={byId.get(item.competitionId)?.timezone ?? visitorZone()}
                    onTake={tab === 'requested' && me.role === 'consultant' ? () => onTake(item) : undefined}
                    taking={take.isPending && take.variables === item.id}
                  />
                ))}
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
