import { Anchor, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { describeError } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { ScrollTable } from '../components/ScrollTable';
import { CompetitionNav } from '../components/AdminNav';
import { ConfirmButton } from '../components/ConfirmButton';
import { useAdminCompetition, useSummary } from '../hooks/useAdmin';

const STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'reviewed',
  'awarded',
  'not_awarded',
  'withdrawn',
  'not_submitted',
  'ineligible',
] as const;
type Status = (typeof STATUSES)[number];

export default function ApplicationsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as Status | '';
  const direction = params.get('direction') ?? '';
  const assistedParam = params.get('assisted');
  const assisted = assistedParam === 'true' || assistedParam === 'false' ? assistedParam : '';
  const q = params.get('q') ?? '';
  const client = useQueryClient();
  const competition = useAdminCompetition(id);
  const summary = useSummary(id);
  const filter = { competitionId: id, status: status || undefined, assisted: assisted || undefined };
  const list = useQuery({
    queryKey: keys.applications(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/applications', {
          params: {
            query: {
              competitionId: id,
              pageSize: 100,
              ...(status ? { status } : {}),
              ...(assisted ? { assisted: assisted === 'true' } : {}),
            },
          },
        }),
      ),
  });
  const ineligible = useMutation({
    mutationFn: ({ applicationId, reason }: { applicationId: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/applications/{id}/ineligible', { params: { path: { id: applicationId } }, body: { reason } }),
      ),
    onSuccess: (_, v) => {
      void client.invalidateQueries({ queryKey: ['applications'] });
      void client.invalidateQueries({ queryKey: keys.application(v.applicationId) });
      void client.invalidateQueries({ queryKey: keys.summary(id) });
    },
  });
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  if (competition.isPending) return <PageLoader />;
  if (competition.error) {
    if (competition.error instanceof ApiError && [400, 404].includes(competition.error.status)) return <NotFoundPage />;
    throw competition.error;
  }
  const c = competition.data;
  const needle = q.trim().toLowerCase();
  const rows = (list.data?.items ?? []).filter(
    (a) =>
      (!direction || a.direction === direction) &&
      (!needle ||
        `${a.title} ${a.registrationNumber ?? ''} ${a.organizationName ?? ''}`.toLowerCase().includes(needle)),
  );
  const counts = summary.data?.applications;
  const errors = ineligible.error ? describeError(ineligible.error, t) : [];
  return (
    <Page title={t('admin.applications.title', { title: c.title })}>
      <CompetitionNav id={c.id} />
      <ErrorSummary errors={errors} />
      {counts && (
        <Text>
          {STATUSES.filter((s) => counts[s] > 0)
            .map((s) => `${t(`applicationStatus.${s}`)}: ${counts[s]}`)
            .join(' · ') || t('admin.applications.none')}
        </Text>
      )}
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          id={fieldId('status')}
          name="status"
          label={t('admin.applications.status')}
          data={[
            { value: '', label: t('admin.applications.any') },
            ...STATUSES.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) })),
          ]}
          value={status}
          onChange={(v) => setParam('status', v ?? '')}
          allowDeselect={false}
          w={200}
        />
        <Select
          id={fieldId('direction')}
          name="direction"
          label={t('admin.applications.direction')}
          data={[
            { value: '', label: t('admin.applications.any') },
            ...c.directions.map((d) => ({ value: d.code, label: d.title })),
          ]}
          value={direction}
          onChange={(v) => setParam('direction', v ?? '')}
          allowDeselect={false}
          w={240}
        />
        <Select
          id={fieldId('assisted')}
          name="assisted"
          label={t('admin.applications.assisted')}
          data={[
            { value: '', label: t('admin.applications.any') },
            { value: 'true', label: t('admin.applications.assistedYes') },
            { value: 'false', label: t('admin.applications.assistedNo') },
          ]}
          value={assisted}
          onChange={(v) => setParam('assisted', v ?? '')}
          allowDeselect={false}
          w={300}
        />
        <TextInput
          id={fieldId('q')}
          name="q"
          type="search"
          label={t('admin.applications.search')}
          value={q}
          onChange={(e) => setParam('q', e.currentTarget.value)}
          autoComplete="off"
          w={300}
        />
        <Anchor href={`/api/v1/competitions/${c.id}/applications/export.csv`} download>
          {t('admin.applications.export')}
        </Anchor>
      </Group>
      <ScrollTable minWidth={880}>
        <Table withTableBorder striped>
          <Table.Caption>{t('admin.applications.caption', { count: rows.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.applications.number')}</Table.Th>
              <Table.Th scope="col">{t('admin.applications.project')}</Table.Th>
              <Table.Th scope="col">{t('admin.applications.organization')}</Table.Th>
              <Table.Th scope="col">{t('admin.applications.status')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('admin.applications.requested')}
              </Table.Th>
              <Table.Th scope="col">{t('admin.applications.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.registrationNumber ?? '—'}</Table.Td>
                <Table.Td>
                  <Anchor href={`/applications/${a.id}`}>{a.title}</Anchor>
                  {a.consultantAssisted && (
                    <div>
                      <Tag color="green">{t('admin.applications.assistedTag')}</Tag>
                    </div>
                  )}
                  {a.ineligibleReason && <Text size="sm">{a.ineligibleReason}</Text>}
                </Table.Td>
                <Table.Td>{a.organizationName ?? '—'}</Table.Td>
                <Table.Td>{t(`applicationStatus.${a.status}`)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {a.requestedAmount ? formatMoney(a.requestedAmount) : '—'}
                </Table.Td>
                <Table.Td>
                  {['submitted', 'under_review', 'reviewed'].includes(a.status) && (
                    <ConfirmButton
                      size="compact-sm"
                      variant="default"
                      color="red.9"
                      label={t('admin.applications.ineligible')}
                      title={t('admin.applications.ineligibleTitle', { n: a.registrationNumber })}
                      message={t('admin.applications.ineligibleMessage')}
                      reason={t('admin.applications.reason')}
                      confirmLabel={t('admin.applications.ineligibleConfirm')}
                      onConfirm={(reason) => ineligible.mutate({ applicationId: a.id, reason })}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Page>
  );
}
