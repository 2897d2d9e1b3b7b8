import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { describeError } from '../../../ui/errors';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { Tag, type TagColor } from '../../../ui/Tag';
import { formatDateTime, visitorZone } from '../../../ui/time';

const PAGE_SIZE = 20;
const COLOR: Record<string, TagColor> = {
  pending: 'gray',
  queued: 'gray',
  sent: 'green',
  failed: 'red',
  voided: 'gray',
};

/** The mails the portal sent the signed-in person, newest first, a page at a time (?page=). */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useQuery({
    queryKey: [...keys.notifications, page],
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  if (list.isPending) return <PageLoader />;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const go = (n: number) => setParams(n > 1 ? { page: String(n) } : {});
  const zone = visitorZone();
  return (
    <Stack maw={760} mx="auto" w="100%">
      <Page title={t('notifications.title')} lead={t('notifications.lead')}>
        {list.error ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(list.error, t)[0]?.message}
          </Alert>
        ) : list.data.items.length === 0 ? (
          <Text c="dimmed">{t('notifications.none')}</Text>
        ) : (
          <Card withBorder padding={0}>
            <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.data.items.map((n) => (
                <Group
                  key={n.id}
                  component="li"
                  justify="space-between"
                  align="flex-start"
                  wrap="wrap"
                  gap="xs"
                  px="lg"
                  py="sm"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                >
                  <div style={{ minWidth: 0, flex: '1 1 260px' }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {n.subject ?? t('notifications.preparing')}
                    </Text>
                    <Text size="sm" c="dimmed">
                      <time dateTime={n.sentAt ?? n.createdAt}>
                        {formatDateTime(n.sentAt ?? n.createdAt, zone, i18n.language)}
                      </time>
                    </Text>
                  </div>
                  <Tag color={COLOR[n.status]}>{t(`notifications.status.${n.status}`)}</Tag>
                </Group>
              ))}
            </Stack>
          </Card>
        )}
        {pages > 1 && (
          <Group justify="space-between" component="nav" aria-label={t('notifications.pages')}>
            <Button variant="default" disabled={page <= 1} onClick={() => go(page - 1)}>
              {t('notifications.previous')}
            </Button>
            <Text size="sm" aria-live="polite">
              {t('notifications.pageOf', { page, pages })}
            </Text>
            <Button variant="default" disabled={page >= pages} onClick={() => go(page + 1)}>
              {t('notifications.next')}
            </Button>
          </Group>
        )}
      </Page>
    </Stack>
  );
}
