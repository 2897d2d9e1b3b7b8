import { Button, Table, Text } from '@mantine/core';
import { ScrollTable } from '../components/ScrollTable';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { describeError } from '../../../ui/errors';
import { Page } from '../../../ui/Page';
import { formatDateTime, visitorZone } from '../../../ui/time';

export default function MailsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const failed = useQuery({
    queryKey: [...keys.failedMails, 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { status: 'failed', pageSize: 100 } } })),
  });
  const retry = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.failedMails }),
  });
  const items = failed.data?.items ?? [];
  return (
    <Page title={t('admin.mails.title')} lead={t('admin.mails.lead')}>
      <ErrorSummary errors={retry.error ? describeError(retry.error, t) : []} />
      {items.length === 0 ? (
        <Text>{failed.isPending ? t('common.loading') : t('admin.mails.none')}</Text>
      ) : (
        <ScrollTable minWidth={720}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.mails.to')}</Table.Th>
                <Table.Th scope="col">{t('admin.mails.template')}</Table.Th>
                <Table.Th scope="col">{t('admin.mails.error')}</Table.Th>
                <Table.Th scope="col">{t('admin.mails.created')}</Table.Th>
                <Table.Th scope="col">{t('admin.mails.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>{n.email}</Table.Td>
                  <Table.Td>{n.subject ?? n.template}</Table.Td>
                  <Table.Td>{(n as { lastError?: string | null }).lastError ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(n.createdAt, visitorZone(), i18n.language)}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" onClick={() => retry.mutate(n.id)}>
                      {t('admin.mails.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Page>
  );
}
