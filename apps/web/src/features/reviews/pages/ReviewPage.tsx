import { type FormEvent, useState } from 'react';
import { Alert, Button, Card, Grid, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { ZonedTime } from '../../../ui/Deadline';
import { describeError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { Tag } from '../../../ui/Tag';
import { dayjs } from '../../../ui/dayjs';
import { visitorZone } from '../../../ui/time';
import { useLeaveWarning } from '../../../ui/useLeaveWarning';
import { ApplicationView } from '../../applications/components/ApplicationView';
import { type Application, useApplication } from '../../applications/hooks/useApplication';
import { useDocuments } from '../../applications/hooks/useDocuments';
import { type Competition, localTitle, useCompetition } from '../../competitions/hooks/useCompetitions';
import { DeclineDialog } from '../components/DeclineDialog';
import { ScoreControl } from '../components/ScoreControl';
import { type SaveState, useReviewDraft } from '../hooks/useReviewDraft';
import { type Review, useReview, useReviewList, useSubmitReview } from '../hooks/useReviews';
import { isOpen, isOverdue, REVIEW_COLOR } from './ReviewsPage';

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'saving'
      ? t('review.saving')
      : state.kind === 'saved'
        ? t('review.savedAt', { time: dayjs(state.at).format('HH:mm') })
        : state.kind === 'failed'
          ? describeError(state.error, t)[0].message
          : '';
  return (
    <Text
      size="sm"
      role="status"
      c={state.kind === 'failed' ? 'red.9' : 'dimmed'}
      fw={state.kind === 'failed' ? 600 : undefined}
    >
      {text}
    </Text>
  );
}

/** "21,5" — the weighted total as the api computed it. */
function useFormatPoints() {
  const { i18n } = useTranslation();
  return (n: number) =>
    new Intl.NumberFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
}

function ScoringForm({
  review,
  competition,
  application,
  nextId,
}: {
  review: Review;
  competition: Competition;
  application?: Application;
  nextId?: string;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const draft = useReviewDraft(review);
  const submit = useSubmitReview(review.id);
  const [confirming, setConfirming] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [errors, setErrors] = useState<ReturnType<typeof describeError>>([]);
  const points = useFormatPoints();
  useLeaveWarning(draft.dirty);
  const unscored = competition.criteria.filter((k) => draft.scores[k.code] === undefined);
  const editable = isOpen(review);

  const saveAndNext = async () => {
    setErrors([]);
    try {
      await draft.flush();
      navigate(nextId ? `/reviews/${nextId}` : '/reviews');
    } catch (error) {
      setErrors(describeError(error, t));
    }
  };
  const confirmSubmit = async () => {
    setErrors([]);
    try {
      await draft.flush();
      await submit.mutateAsync();
      setConfirming(false);
    } catch (error) {
      setConfirming(false);
      setErrors(describeError(error, t));
    }
  };

  return (
    <form
      aria-labelledby="scoring-title"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        setConfirming(true);
      }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="baseline" wrap="wrap">
          <Title order={2} size="h3" id="scoring-title">
            {t('review.scoringTitle')}
          </Title>
          {editable && <SaveStatus state={draft.state} />}
        </Group>
        <ErrorSummary errors={errors} />
        {competition.criteria.map((k) => (
          <ScoreControl
            key={k.code}
            criterion={k}
            value={draft.scores[k.code]}
            disabled={!editable}
            onChange={(v) => draft.setScore(k.code, v)}
          />
        ))}
        <Textarea
          label={t('fields.comment')}
          description={t('review.commentHint')}
          name="comment"
          id={fieldId('comment')}
          autoComplete="off"
          autosize
          minRows={4}
          disabled={!editable}
          value={draft.comment}
          onChange={(e) => draft.setComment(e.currentTarget.value)}
        />
        <Card withBorder padding="sm" bg="blue.0">
          <Text size="sm" c="dimmed">
            {t('review.total')}
          </Text>
          <Text fw={700} size="xl" aria-live="polite">
            {review.total === null ? '—' : points(review.total)}
          </Text>
          {editable && unscored.length > 0 && (
            <Text size="sm">
              {t('review.unscoredCount', { count: unscored.length, total: competition.criteria.length })}
            </Text>
          )}
        </Card>
        {editable && (
          <Stack gap="sm">
            <Button type="submit" size="md">
              {t('review.submit')}
            </Button>
            <Button variant="light" onClick={() => void saveAndNext()}>
              {t('review.saveAndNext')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDeclining(true)}>
              {t('review.declineOpen')}
            </Button>
          </Stack>
        )}
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('review.confirmTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          {unscored.length > 0 ? (
            <>
              <Text>{t('review.confirmUnscored', { count: unscored.length })}</Text>
              <List spacing={4}>
                {unscored.map((k) => (
                  <List.Item key={k.code}>{localTitle(k, i18n.language)}</List.Item>
                ))}
              </List>
              <Group justify="flex-end">
                <Button
                  onClick={() => {
                    setConfirming(false);
                    requestAnimationFrame(() =>
                      document
                        .getElementById(fieldId(`scores.${unscored[0].code}`))
                        ?.querySelector('input')
                        ?.focus(),
                    );
                  }}
                >
                  {t('review.backToScoring')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text>{t('review.confirmText', { total: review.total === null ? '—' : points(review.total) })}</Text>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('review.backToScoring')}
                </Button>
                <Button onClick={() => void confirmSubmit()} loading={submit.isPending}>
                  {t('review.confirmSubmit')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Modal>
      {declining && (
        <DeclineDialog
          opened
          onClose={() => setDeclining(false)}
          reviewId={review.id}
          organizationId={application?.organizationId}
        />
      )}
    </form>
  );
}

export default function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const review = useReview(id);
  const list = useReviewList();
  const open = review.data ? isOpen(review.data) : false;
  // A declined assignment no longer opens its application (the api answers 404 then).
  const readable = review.data && review.data.status !== 'declined' ? review.data.applicationId : '';
  const application = useApplication(readable);
  const documents = useDocuments(readable, !!readable);
  const competition = useCompetition(review.data?.competitionId ?? '');

  if (review.isPending || competition.isPending) return <PageLoader />;
  if (review.error) {
    if (review.error instanceof ApiError && (review.error.status === 404 || review.error.status === 400))
      return <NotFoundPage />;
    throw review.error;
  }
  if (competition.error) throw competition.error;
  const r = review.data;
  const c = competition.data;
  const a = application.data;
  const items = list.data?.items ?? [];
  const here = items.findIndex((x) => x.id === r.id);
  const next = [...items.slice(here + 1), ...items.slice(0, Math.max(here, 0))].find((x) => x.id !== r.id && isOpen(x));
  const title = a?.title ?? items.find((x) => x.id === r.id)?.title ?? t('review.titleFallback');

  return (
    <Page title={title} lead={[a?.registrationNumber, c.title].filter(Boolean).join(' · ')}>
      <Group gap="xs" wrap="wrap">
        <Tag size="md" color={REVIEW_COLOR[r.status]}>
          {t(`reviews.statuses.${r.status}`)}
        </Tag>
        {isOverdue(r) && (
          <Tag size="md" color="red">
            {t('reviews.overdue')}
          </Tag>
        )}
        {open && (
          <Text size="sm">
            {t('reviews.dueAt')} <ZonedTime at={r.dueAt} zone={c.timezone ?? visitorZone()} />
          </Text>
        )}
      </Group>
      {r.status === 'submitted' && (
        <Alert color="green" title={t('review.submittedTitle')} styles={{ title: { color: '#1e5e2d' } }}>
          {t('review.submittedText')}
        </Alert>
      )}
      {r.status === 'declined' && (
        <Alert
          color="gray"
          title={t('review.declinedTitle')}
          styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
        >
          {r.declineReason}
        </Alert>
      )}
      {r.status !== 'declined' && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }} style={{ minWidth: 0 }}>
            {application.isPending ? (
              <PageLoader />
            ) : a ? (
              <ApplicationView
                application={a}
                competition={c}
                documents={documents.data?.items}
                documentHref={(d) => `/api/v1/documents/${d.id}`}
              />
            ) : (
              <Alert color="red">{describeError(application.error, t)[0].message}</Alert>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }} style={{ minWidth: 0 }}>
            <Card withBorder padding="lg">
              <ScoringForm key={r.id} review={r} competition={c} application={a} nextId={next?.id} />
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Page>
  );
}
