import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { describeError } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { ScrollTable } from '../components/ScrollTable';
import { CompetitionNav } from '../components/AdminNav';
import { useAdminCompetition, useAssign, useExperts, useRanking } from '../hooks/useAdmin';

const formatLeniency = (v: number | null, decimal: string) =>
  v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2).replace('.', decimal)}`;

export default function ExpertsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const competition = useAdminCompetition(id);
  const load = useExperts(id);
  const ranking = useRanking(id);
  const experts = useQuery({
    queryKey: keys.users({ role: 'expert' }),
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { role: 'expert', pageSize: 100 } } })),
  });
  const assign = useAssign(id);
  const [choice, setChoice] = useState<Record<string, string | null>>({});
  const [done, setDone] = useState<string | null>(null);
  if (competition.isPending || load.isPending || ranking.isPending) return <PageLoader />;
  const failed = competition.error ?? load.error ?? ranking.error;
  if (failed) {
    if (failed instanceof ApiError && [400, 404].includes(failed.status)) return <NotFoundPage />;
    throw failed;
  }
  const c = competition.data!;
  const decimal = t('admin.decimal');
  const errors = assign.error ? describeError(assign.error, t) : [];
  const conflict = assign.error instanceof ApiError && assign.error.body?.code === 'CONFLICT_OF_INTEREST';
  const options = (experts.data?.items ?? [])
    .filter((u) => u.role === 'expert')
    .map((u) => ({ value: u.id, label: u.fullName }));
  const auto = () =>
    assign.mutate(
      { auto: true },
      {
        onSuccess: (r) => {
          const res = r as { created?: number; unfilled?: number };
          setDone(t('admin.experts.autoDone', { created: res.created ?? 0, unfilled: res.unfilled ?? 0 }));
        },
      },
    );

  return (
    <Page title={t('admin.experts.title', { title: c.title })}>
      <CompetitionNav id={c.id} />
      <ErrorSummary errors={errors} />
      {conflict && (
        <Alert color="red" variant="light">
          {t('admin.experts.conflictExplained')}
        </Alert>
      )}
      {done && (
        <Alert color="green" variant="light" role="status">
          {done}
        </Alert>
      )}
      <Group>
        <Button onClick={auto} loading={assign.isPending} disabled={c.status !== 'review'}>
          {t('admin.experts.auto')}
        </Button>
        <Text size="sm">{t('admin.experts.autoHint', { n: c.expertsPerApplication })}</Text>
      </Group>

      <section aria-labelledby="load">
        <Title order={2} id="load" size="h3" mb="xs">
          {t('admin.experts.load')}
        </Title>
        <Text size="sm" mb="sm">
          {t('admin.experts.leniencyExplained')}
        </Text>
        <ScrollTable minWidth={560}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.experts.expert')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('admin.experts.assigned')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('admin.experts.submitted')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('admin.experts.declined')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('admin.experts.leniency')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {load.data!.items.map((e) => (
                <Table.Tr key={e.expertId}>
                  <Table.Td>{e.fullName}</Table.Td>
                  <Table.Td ta="right">{e.assigned}</Table.Td>
                  <Table.Td ta="right">{e.submitted}</Table.Td>
                  <Table.Td ta="right">{e.declined}</Table.Td>
                  <Table.Td ta="right">{formatLeniency(e.leniency, decimal)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </section>

      <section aria-labelledby="byhand">
        <Title order={2} id="byhand" size="h3" mb="sm">
          {t('admin.experts.byHand')}
        </Title>
        <Stack gap="sm">
          {ranking.data!.items.map((item) => {
            const name = `expertId-${item.rank}`;
            return (
              <Group
                key={item.applicationId}
                align="flex-end"
                wrap="wrap"
                gap="sm"
                data-application={item.registrationNumber ?? undefined}
              >
                <Stack gap={2} style={{ flex: '1 1 260px' }}>
                  <Text fw={500}>
                    {item.registrationNumber} · {item.title}
                  </Text>
                  <Group gap={6}>
                    <Text size="sm">{t('admin.experts.reviewsIn', { count: item.reviewsSubmitted })}</Text>
                    {item.needsExtraReview && <Tag color="yellow">{t('admin.experts.needsExtra')}</Tag>}
                  </Group>
                </Stack>
                <Select
                  id={fieldId(name)}
                  name="expertId"
                  label={t('admin.experts.choose', { n: item.registrationNumber })}
                  data={options}
                  value={choice[item.applicationId] ?? null}
                  onChange={(v) => setChoice((s) => ({ ...s, [item.applicationId]: v }))}
                  searchable
                  w={260}
                />
                <Button
                  variant="light"
                  disabled={!choice[item.applicationId]}
                  onClick={() =>
                    assign.mutate(
                      { applicationId: item.applicationId, expertId: choice[item.applicationId]! },
                      { onSuccess: () => setDone(t('admin.experts.assignedOne', { n: item.registrationNumber })) },
                    )
                  }
                >
                  {item.needsExtraReview ? t('admin.experts.assignExtra') : t('admin.experts.assign')}
                </Button>
              </Group>
            );
          })}
        </Stack>
      </section>
    </Page>
  );
}
