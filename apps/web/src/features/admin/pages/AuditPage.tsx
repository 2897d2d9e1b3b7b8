import { Group, Table, TextInput } from '@mantine/core';
import { ScrollTable } from '../components/ScrollTable';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { dayjs } from '../../../ui/dayjs';
import { formatDateTime, visitorZone } from '../../../ui/time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const actorId = params.get('actorId') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const zone = visitorZone();
  // Only well-formed filters reach the server; a half-typed one waits.
  const query = {
    pageSize: 100,
    ...(/^[a-z_]+(\.[a-z_]+)*$/.test(action) ? { action } : {}),
    ...(UUID.test(actorId) ? { actorId } : {}),
    ...(from ? { from: dayjs.tz(from, zone).toISOString() } : {}),
    ...(to ? { to: dayjs.tz(to, zone).add(1, 'day').toISOString() } : {}),
  };
  const audit = useQuery({
    queryKey: keys.audit({ action, actorId, from, to }),
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query } })),
  });
  const set = (key: string) => (e: { currentTarget: { value: string } }) => {
    const next = new URLSearchParams(params);
    if (e.currentTarget.value) next.set(key, e.currentTarget.value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Page title={t('admin.audit.title')}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          id={fieldId('action')}
          name="action"
          label={t('admin.audit.action')}
          value={action}
          onChange={set('action')}
          autoComplete="off"
          placeholder="competition.publish"
        />
        <TextInput
          id={fieldId('actorId')}
          name="actorId"
          label={t('admin.audit.actor')}
          value={actorId}
          onChange={set('actorId')}
          autoComplete="off"
        />
        <TextInput
          id={fieldId('from')}
          name="from"
          type="date"
          label={t('admin.audit.from')}
          value={from}
          onChange={set('from')}
        />
        <TextInput
          id={fieldId('to')}
          name="to"
          type="date"
          label={t('admin.audit.to')}
          value={to}
          onChange={set('to')}
        />
      </Group>
      <ScrollTable minWidth={720}>
        <Table withTableBorder striped>
          <Table.Caption>{t('admin.audit.caption', { count: audit.data?.total ?? 0 })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.audit.at')}</Table.Th>
              <Table.Th scope="col">{t('admin.audit.action')}</Table.Th>
              <Table.Th scope="col">{t('admin.audit.target')}</Table.Th>
              <Table.Th scope="col">{t('admin.audit.actor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(audit.data?.items ?? []).map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, zone, i18n.language)}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>{e.target ?? '—'}</Table.Td>
                <Table.Td>{e.actorId ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Page>
  );
}
