import { Anchor, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fieldId } from '../../../ui/fields';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { GrantStatusTag, ReportStatusTag } from '../components/StatusTags';
import { reportTitle, useGrants } from '../hooks/useGrants';

const STATUSES = ['awaiting_agreement', 'active', 'completed', 'terminated'] as const;

/** /admin/grants: every grant by status with the state of its reports (the filter lives in the URL). */
export default function AdminGrantsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const grants = useGrants({ status });
  return (
    <Page title={t('grants.admin.title')} lead={t('grants.admin.lead')}>
      <Group>
        <NativeSelect
          id={fieldId('status')}
          name="status"
          label={t('grants.admin.filter')}
          value={status ?? ''}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.currentTarget.value) next.set('status', e.currentTarget.value);
            else next.delete('status');
            setParams(next, { replace: true });
          }}
          data={[
            { value: '', label: t('grants.admin.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`grants.status.${s}`) })),
          ]}
        />
      </Group>
      {grants.isPending ? (
        <PageLoader />
      ) : grants.error ? (
        <Text role="alert">{t('errors.unexpected')}</Text>
      ) : grants.data.items.length === 0 ? (
        <Text>{t('grants.admin.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder verticalSpacing="sm">
            <Table.Caption>{t('grants.admin.caption', { count: grants.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('grants.admin.project')}</Table.Th>
                <Table.Th scope="col">{t('grants.admin.organization')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('grants.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('grants.admin.status')}</Table.Th>
                <Table.Th scope="col">{t('grants.reports')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.data.items.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/grants/${g.id}`}>
                      {g.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {g.registrationNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>{g.organizationName}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(g.amount)}
                  </Table.Td>
                  <Table.Td>
                    <GrantStatusTag status={g.status} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {g.reports.map((r) => (
                        <Text key={r.code} size="sm">
                          <Anchor component={Link} to={`/grants/${g.id}/reports/${r.code}`}>
                            {reportTitle(r, i18n.language)}
                          </Anchor>{' '}
                          <ReportStatusTag status={r.status} overdue={r.overdue} />
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
