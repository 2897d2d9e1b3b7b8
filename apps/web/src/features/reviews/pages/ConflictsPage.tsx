import { type FormEvent, useState } from 'react';
import { Alert, Button, Card, Grid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { describeError, errorsOf, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { formatDateTime, visitorZone } from '../../../ui/time';
import { useConflicts, useDeclareConflict } from '../hooks/useReviews';

function DeclareForm() {
  const { t } = useTranslation();
  const declare = useDeclareConflict();
  const [inn, setInn] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<{ name: string; declined: number } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    setDone(null);
    declare.mutate(
      { inn: inn.trim(), reason },
      {
        onSuccess: (conflict) => {
          setDone({ name: conflict.organizationName, declined: conflict.declinedReviewIds.length });
          setInn('');
          setReason('');
        },
        onError: (error) =>
          setErrors(
            describeError(error, t, {
              '404': { field: 'inn', message: t('conflicts.unknownInn') },
              CONFLICT: { field: 'inn', message: t('conflicts.already') },
            }),
          ),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="declare-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="declare-title">
          {t('conflicts.declareTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('conflicts.declareHint')}
        </Text>
        {done && (
          <Alert
            color="green"
            role="status"
            title={t('conflicts.declared', { name: done.name })}
            styles={{ title: { color: '#1e5e2d' } }}
          >
            {t('conflicts.declinedCount', { count: done.declined })}
          </Alert>
        )}
        <ErrorSummary errors={errors} />
        <TextInput
          label={t('fields.organization.inn')}
          description={t('conflicts.innHint')}
          name="inn"
          id={fieldId('inn')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          required
          value={inn}
          error={errorsOf(errors, 'inn')}
          onChange={(e) => setInn(e.currentTarget.value)}
          maw={240}
        />
        <Textarea
          label={t('fields.reason')}
          name="reason"
          id={fieldId('reason')}
          autoComplete="off"
          autosize
          minRows={3}
          required
          value={reason}
          error={errorsOf(errors, 'reason')}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <div>
          <Button type="submit" loading={declare.isPending}>
            {t('conflicts.declare')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export default function ConflictsPage() {
  const { t, i18n } = useTranslation();
  const conflicts = useConflicts();
  if (conflicts.isPending) return <PageLoader />;
  if (conflicts.error && !(conflicts.error instanceof ApiError)) throw conflicts.error;
  const items = conflicts.data?.items ?? [];
  return (
    <Page title={t('conflicts.title')} lead={t('conflicts.lead')}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }} style={{ minWidth: 0 }}>
          <Stack gap="sm" component="section" aria-labelledby="conflicts-list">
            <Title order={2} size="h3" id="conflicts-list">
              {t('conflicts.listTitle')}
            </Title>
            {items.length === 0 ? (
              <Text c="dimmed">{t('conflicts.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={320}>
                <Table withTableBorder striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('conflicts.organization')}</Table.Th>
                      <Table.Th scope="col">{t('conflicts.reason')}</Table.Th>
                      <Table.Th scope="col">{t('conflicts.date')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Text fw={600} size="sm">
                            {c.organizationName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('conflicts.inn', { inn: c.inn })}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.reason}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <time dateTime={c.createdAt}>
                            {formatDateTime(c.createdAt, visitorZone(), i18n.language)}
                          </time>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} style={{ minWidth: 0 }}>
          <Card withBorder padding="lg">
            <DeclareForm />
          </Card>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
