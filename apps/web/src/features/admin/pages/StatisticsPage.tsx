import { useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { describeError } from '../../../ui/errors';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { formatDateTime, visitorZone } from '../../../ui/time';
import { ReportFigures } from '../../reports/components/ReportFigures';
import { ConfirmButton } from '../components/ConfirmButton';

export default function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const { year: param = '' } = useParams();
  const year = Number(param);
  const valid = /^\d{4}$/.test(param) && year >= 2000 && year <= 2100;
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const snapshot = useQuery({
    queryKey: keys.statistics(year),
    queryFn: () => unwrap(api.GET('/api/v1/statistics/{year}', { params: { path: { year } } })),
    enabled: valid,
    retry: false,
  });
  const job = useQuery({
    queryKey: keys.statisticsJob(jobId ?? ''),
    queryFn: async () => {
      const state = await unwrap(api.GET('/api/v1/statistics/jobs/{jobId}', { params: { path: { jobId: jobId! } } }));
      if (state.state === 'completed') void client.invalidateQueries({ queryKey: keys.statistics(year) });
      return state;
    },
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && ['completed', 'failed'].includes(q.state.data.state) ? false : 500),
  });
  const compile = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/statistics/{year}/compile', { params: { path: { year } } })),
    onSuccess: (r) => setJobId(r.jobId),
  });
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/statistics/{year}/publish', { params: { path: { year } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.publicReports });
    },
  });
  if (!valid) return <NotFoundPage />;
  if (snapshot.isPending) return <PageLoader />;
  const never = snapshot.error instanceof ApiError && snapshot.error.status === 404;
  if (snapshot.error && !never) throw snapshot.error;
  const s = snapshot.data;
  const errors = [compile.error, publish.error].filter(Boolean).flatMap((e) => describeError(e, t));
  const running = !!jobId && job.data?.state !== 'completed' && job.data?.state !== 'failed';
  const base = `/api/v1/statistics/${year}`;
  return (
    <Page
      title={t('admin.statistics.title', { year })}
      lead={
        s
          ? t('admin.statistics.compiledAt', { at: formatDateTime(s.compiledAt, visitorZone(), i18n.language) })
          : t('admin.statistics.never')
      }
    >
      <ErrorSummary errors={errors} />
      <Group gap="sm" wrap="wrap">
        <Button onClick={() => compile.mutate()} loading={compile.isPending} disabled={running}>
          {t('admin.statistics.compile')}
        </Button>
        {s && (
          <ConfirmButton
            label={t('admin.statistics.publish')}
            title={t('admin.statistics.publishTitle', { year })}
            message={t('admin.statistics.publishMessage', { year })}
            confirmLabel={t('admin.statistics.publishConfirm')}
            onConfirm={() => publish.mutate()}
            loading={publish.isPending}
            variant="light"
          />
        )}
      </Group>
      <div role="status" aria-live="polite">
        {running && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text>{t(`admin.statistics.job.${job.data?.state ?? 'waiting'}`)}</Text>
          </Group>
        )}
        {job.data?.state === 'completed' && <Text>{t('admin.statistics.job.completed')}</Text>}
        {job.data?.state === 'failed' && (
          <Alert color="red" variant="light">
            {t('admin.statistics.job.failed')}
          </Alert>
        )}
        {publish.isSuccess && (
          <Alert color="green" variant="light">
            {t('admin.statistics.publishedNow')}{' '}
            <Anchor component={Link} to={`/reports/${year}`}>
              {t('admin.statistics.openPublic')}
            </Anchor>
          </Alert>
        )}
      </div>
      {s && (
        <Stack gap="xl">
          <section aria-labelledby="exports">
            <Title order={2} size="h3" id="exports" mb="xs">
              {t('admin.statistics.exports')}
            </Title>
            <Group gap="lg" wrap="wrap">
              <Anchor href={`${base}/export.csv`} download>
                {t('admin.statistics.csv')}
              </Anchor>
              <Anchor href={`${base}/export.json`} target="_blank" rel="noopener">
                {t('admin.statistics.json')}
              </Anchor>
              <Anchor href={`${base}/report`} target="_blank" rel="noopener">
                {t('admin.statistics.reportRu')}
              </Anchor>
              <Anchor href={`${base}/report?lang=en`} target="_blank" rel="noopener" lang="en">
                {t('admin.statistics.reportEn')}
              </Anchor>
            </Group>
          </section>
          <ReportFigures figures={s.figures} />
        </Stack>
      )}
    </Page>
  );
}
