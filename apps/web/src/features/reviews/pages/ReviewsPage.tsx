import { Anchor, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZonedTime } from '../../../ui/Deadline';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { Tag, type TagColor } from '../../../ui/Tag';
import { visitorZone } from '../../../ui/time';
import { type Competition, useCompetitions } from '../../competitions/hooks/useCompetitions';
import { type ReviewItem, useReviewList } from '../hooks/useReviews';

export const REVIEW_COLOR: Record<string, TagColor> = {
  assigned: 'yellow',
  in_progress: 'blue',
  submitted: 'green',
  declined: 'gray',
};

export const isOpen = (r: { status: string }) => r.status === 'assigned' || r.status === 'in_progress';
export const isOverdue = (r: { status: string; dueAt: string }, now = Date.now()) =>
  isOpen(r) && new Date(r.dueAt).getTime() < now;

function ReviewRow({ review, zone }: { review: ReviewItem; zone: string }) {
  const { t } = useTranslation();
  const overdue = isOverdue(review);
  return (
    <Card
      withBorder
      padding="md"
      component="li"
      style={overdue ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/reviews/${review.id}`} fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {review.title}
          </Anchor>
          <Group gap={6}>
            {overdue && <Tag color="red">{t('reviews.overdue')}</Tag>}
            <Tag color={REVIEW_COLOR[review.status]}>{t(`reviews.statuses.${review.status}`)}</Tag>
          </Group>
        </Group>
        {review.registrationNumber && (
          <Text size="sm" c="dimmed">
            {t('reviews.registrationNumber', { number: review.registrationNumber })}
          </Text>
        )}
        {isOpen(review) && (
          <Text size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 600 : undefined}>
            {t('reviews.dueAt')} <ZonedTime at={review.dueAt} zone={zone} />
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function CompetitionGroup({ competition, reviews }: { competition?: Competition; reviews: ReviewItem[] }) {
  const { t } = useTranslation();
  const active = reviews.filter((r) => r.status !== 'declined');
  const done = active.filter((r) => r.status === 'submitted').length;
  const overdue = reviews.filter((r) => isOverdue(r)).length;
  const headingId = `competition-${reviews[0].competitionId}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {competition?.title ?? t('reviews.competition')}
      </Title>
      <Group gap="md" wrap="wrap">
        <Text fw={600}>{t('reviews.progress', { done, total: active.length })}</Text>
        {overdue > 0 && <Tag color="red">{t('reviews.overdueCount', { count: overdue })}</Tag>}
      </Group>
      <Progress
        value={active.length ? (done / active.length) * 100 : 0}
        aria-label={t('reviews.progress', { done, total: active.length })}
        size="md"
        maw={480}
      />
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {reviews.map((r) => (
          <ReviewRow key={r.id} review={r} zone={competition?.timezone ?? visitorZone()} />
        ))}
      </Stack>
    </Stack>
  );
}

export default function ReviewsPage() {
  const { t } = useTranslation();
  const reviews = useReviewList();
  const competitions = useCompetitions();
  if (reviews.isPending) return <PageLoader />;
  if (reviews.error) throw reviews.error;
  const byCompetition = new Map<string, ReviewItem[]>();
  for (const r of reviews.data.items)
    byCompetition.set(r.competitionId, [...(byCompetition.get(r.competitionId) ?? []), r]);
  const competitionOf = new Map((competitions.data?.items ?? []).map((c) => [c.id, c]));
  return (
    <Page title={t('reviews.title')} lead={t('reviews.lead')}>
      {reviews.data.items.length === 0 && <Text>{t('reviews.none')}</Text>}
      {[...byCompetition.entries()].map(([competitionId, items]) => (
        <CompetitionGroup key={competitionId} competition={competitionOf.get(competitionId)} reviews={items} />
      ))}
      <Text size="sm">
        <Anchor component={Link} to="/reviews/conflicts">
          {t('reviews.conflictsLink')}
        </Anchor>
      </Text>
    </Page>
  );
}
