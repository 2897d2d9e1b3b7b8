import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { ZonedTime } from '../../../ui/Deadline';
import { describeError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { CompetitionNav } from '../components/AdminNav';
import { ConfirmButton } from '../components/ConfirmButton';
import { StatTile } from '../components/StatTile';
import { useAdminCompetition, useLifecycle, useSummary } from '../hooks/useAdmin';

export default function AdminCompetitionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const competition = useAdminCompetition(id);
  const summary = useSummary(id, competition.isSuccess);
  const lifecycle = useLifecycle(id);
  if (competition.isPending) return <PageLoader />;
  if (competition.error) {
    if (competition.error instanceof ApiError && [400, 404].includes(competition.error.status)) return <NotFoundPage />;
    throw competition.error;
  }
  const c = competition.data;
  const s = summary.data;
  const errors = lifecycle.error ? describeError(lifecycle.error, t) : [];
  const submitted = s
    ? s.applications.submitted +
      s.applications.under_review +
      s.applications.reviewed +
      s.applications.awarded +
      s.applications.not_awarded
    : 0;
  return (
    <Page
      title={c.title}
      lead={
        <Group gap="xs" component="span">
          <Tag color={c.status === 'open' ? 'green' : c.status === 'cancelled' ? 'red' : 'blue'}>
            {t(`competitionStatus.${c.status}`)}
          </Tag>
          <span>{t('admin.competition.code', { code: c.shortCode, year: c.year })}</span>
        </Group>
      }
    >
      <CompetitionNav id={c.id} />
      <ErrorSummary errors={errors} />
      {c.status === 'cancelled' && c.cancelReason && (
        <Alert color="red" variant="light" title={t('admin.competition.cancelled')}>
          {c.cancelReason}
        </Alert>
      )}
      <Group gap="sm" wrap="wrap">
        <Button component={Link} to={`/admin/competitions/${c.id}/edit`} variant="default">
          {t('admin.competition.edit')}
        </Button>
        {c.status === 'draft' && (
          <ConfirmButton
            label={t('admin.competition.publish')}
            title={t('admin.competition.publishTitle')}
            message={t('admin.competition.publishMessage')}
            confirmLabel={t('admin.competition.publishConfirm')}
            onConfirm={() => lifecycle.mutate({ kind: 'publish' })}
            loading={lifecycle.isPending}
          />
        )}
        {c.status === 'open' && (
          <ConfirmButton
            label={t('admin.competition.close')}
            title={t('admin.competition.closeTitle')}
            message={t('admin.competition.closeMessage', { count: submitted })}
            confirmLabel={t('admin.competition.closeConfirm')}
            onConfirm={() => lifecycle.mutate({ kind: 'close' })}
            loading={lifecycle.isPending}
          />
        )}
        {c.status === 'results_announced' && (
          <ConfirmButton
            label={t('admin.competition.archive')}
            title={t('admin.competition.archiveTitle')}
            message={t('admin.competition.archiveMessage')}
            confirmLabel={t('admin.competition.archiveConfirm')}
            onConfirm={() => lifecycle.mutate({ kind: 'archive' })}
            variant="default"
          />
        )}
        {['draft', 'open', 'review'].includes(c.status) && (
          <ConfirmButton
            label={t('admin.competition.cancel')}
            title={t('admin.competition.cancelTitle')}
            message={t('admin.competition.cancelMessage')}
            confirmLabel={t('admin.competition.cancelConfirm')}
            reason={t('admin.competition.cancelReason')}
            onConfirm={(reason) => lifecycle.mutate({ kind: 'cancel', reason })}
            color="red.9"
            variant="default"
          />
        )}
        {['results_announced', 'archived'].includes(c.status) && (
          <Anchor component={Link} to={`/competitions/${c.id}/results`}>
            {t('admin.competition.publicResults')}
          </Anchor>
        )}
      </Group>
      {c.status === 'open' && <Text size="sm">{t('admin.competition.extendHint')}</Text>}
      <section aria-labelledby="terms">
        <Title order={2} id="terms" size="h3" mb="sm">
          {t('admin.competition.terms')}
        </Title>
        <Stack gap={4}>
          <Text>
            {t('fields.submissionOpensAt')}: <ZonedTime at={c.submissionOpensAt} zone={c.timezone} />
          </Text>
          <Text>
            {t('fields.submissionDeadline')}: <ZonedTime at={c.submissionDeadline} zone={c.timezone} />
          </Text>
          <Text>
            {t('fields.reviewDeadline')}: <ZonedTime at={c.reviewDeadline} zone={c.timezone} />
          </Text>
          <Text>
            {t('fields.totalBudget')}: {formatMoney(c.totalBudget)} · {t('fields.maxGrantAmount')}:{' '}
            {formatMoney(c.maxGrantAmount)}
          </Text>
          <Text>{t('admin.competition.criteriaCount', { count: c.criteria.length })}</Text>
        </Stack>
      </section>
      {s && (
        <section aria-labelledby="attention">
          <Title order={2} id="attention" size="h3" mb="sm">
            {t('admin.competition.attention')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
            <StatTile
              label={t('admin.summary.submitted')}
              value={submitted}
              to={`/admin/competitions/${c.id}/applications`}
            />
            <StatTile label={t('admin.summary.waiting')} value={s.consultations.requested} />
            <StatTile
              label={t('admin.summary.overdue')}
              value={s.reviews.overdue}
              to={`/admin/competitions/${c.id}/experts`}
            />
            <StatTile
              label={t('admin.summary.divergent')}
              value={s.divergent}
              to={`/admin/competitions/${c.id}/experts`}
            />
            <StatTile label={t('admin.summary.failedMails')} value={s.failedNotifications} to="/admin/notifications" />
          </SimpleGrid>
        </section>
      )}
    </Page>
  );
}
