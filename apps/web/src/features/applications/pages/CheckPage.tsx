import { type FormEvent, useEffect } from 'react';
import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { Deadline } from '../../../ui/Deadline';
import { describeError, type FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { formatDateTime } from '../../../ui/time';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { useZoneName } from '../../../ui/Deadline';
import { ApplicationView } from '../components/ApplicationView';
import { ChecklistItems } from '../components/ChecklistItems';
import { SECTIONS, sectionOf } from '../components/sections';
import { useApplication, useChecklist, useCompetitionOf, useRemarks } from '../hooks/useApplication';
import { useDocuments } from '../hooks/useDocuments';
import { SUBMIT_ATTEMPTS, useSubmit } from '../hooks/useSubmit';

/** /applications/:id/check — GOV.UK's "check your answers": the live checklist from the server and the submit. */
export default function CheckPage() {
  const { t, i18n } = useTranslation();
  const zoneName = useZoneName();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const application = useApplication(id);
  const competition = useCompetitionOf(application.data);
  const checklist = useChecklist(id, application.isSuccess);
  const remarks = useRemarks(id, application.isSuccess);
  const documents = useDocuments(id);
  const submit = useSubmit(id);

  useEffect(() => {
    if (submit.isSuccess) navigate(`/applications/${id}/submitted`);
  }, [submit.isSuccess, id, navigate]);

  if (application.error) {
    if (application.error instanceof ApiError && [400, 404].includes(application.error.status)) return <NotFoundPage />;
    throw application.error;
  }
  if (competition.error) throw competition.error;
  if (!application.data || !competition.data) return <PageLoader />;
  const a = application.data;
  const c = competition.data;
  if (a.status !== 'draft' && !submit.isSuccess && !submit.error)
    return <Navigate to={`/applications/${id}`} replace />;

  const deadline = `${formatDateTime(c.submissionDeadline, c.timezone, i18n.language)}, ${zoneName(c.timezone)}`;
  let errors: FieldError[] = [];
  if (submit.error) {
    let code = submit.error instanceof ApiError ? submit.error.body?.code : undefined;
    // A draft closed at the deadline (not_submitted) is refused as not editable: the person hears why.
    if (code === 'NOT_EDITABLE' && a.status === 'not_submitted') code = 'DEADLINE_PASSED';
    const plain = code ? t(`check.submitErrors.${code}`, { defaultValue: '', deadline }) : '';
    const field = code ? checklist.data?.items.find((i) => i.code === code)?.fields[0] : undefined;
    if (submit.error instanceof ApiError && submit.error.status === 503)
      errors = [{ message: t('check.overloaded', { attempts: SUBMIT_ATTEMPTS }) }];
    else if (plain) errors = [{ field, message: plain }];
    else errors = describeError(submit.error, t);
  }
  const ready = checklist.data?.ready ?? false;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };

  return (
    <Stack maw={860} w="100%">
      <Anchor component={Link} to={`/applications/${a.id}`} size="sm">
        ← {t('draft.backToTasks', { title: a.title })}
      </Anchor>
      <Page title={t('check.title')} lead={a.title}>
        {/* Links of the summary go to the fields on their section pages. */}
        <ErrorSummary errors={errors.map((e) => (e.field && sectionOf(e.field) ? { ...e, field: undefined } : e))} />
        {errors.some((e) => e.field) && (
          <Text size="sm">
            {errors
              .filter((e) => e.field)
              .map((e) => (
                <Anchor key={e.field} component={Link} to={`/applications/${a.id}/edit/${sectionOf(e.field!)}`}>
                  {t('check.fixField', { field: t(`fields.${e.field}`, { defaultValue: e.field }) })}
                </Anchor>
              ))}
          </Text>
        )}
        <Card withBorder padding="lg">
          <Deadline at={c.submissionDeadline} zone={c.timezone} label={t('competition.deadline')} />
        </Card>

        <section aria-labelledby="checklist-title">
          <Group justify="space-between" mb="sm">
            <Title order={2} id="checklist-title">
              {t('check.rulesTitle')}
            </Title>
            {checklist.isFetching && <Loader size="sm" aria-label={t('common.loading')} />}
          </Group>
          <Card withBorder padding="lg">
            {checklist.data ? (
              <ChecklistItems applicationId={a.id} items={checklist.data.items} />
            ) : (
              <Text c="dimmed">{t('common.loading')}</Text>
            )}
          </Card>
        </section>

        <section aria-labelledby="answers-title">
          <Title order={2} id="answers-title" mb="sm">
            {t('check.answersTitle')}
          </Title>
          <Group gap="md" mb="md">
            {SECTIONS.map((s) => (
              <Anchor key={s} component={Link} to={`/applications/${a.id}/edit/${s}`} size="sm">
                {t('check.change', { section: t(`draft.sections.${s}`) })}
              </Anchor>
            ))}
          </Group>
          <ApplicationView
            application={a}
            competition={c}
            remarks={remarks}
            headingLevel={3}
            documents={documents.data?.items}
          />
        </section>

        <Card withBorder padding="lg" component="form" onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('check.submitTitle')}
            </Title>
            <Text>{t('check.submitLead')}</Text>
            {submit.retry && (
              <Alert color="#7a4d00" variant="light" role="status">
                {t('check.retrying', {
                  seconds: submit.retry.seconds,
                  attempt: submit.retry.attempt,
                  of: SUBMIT_ATTEMPTS,
                })}
              </Alert>
            )}
            {!ready && checklist.data && <Text c="red.9">{t('check.notReady')}</Text>}
            <div>
              <Button type="submit" size="md" loading={submit.isPending} disabled={!checklist.data}>
                {t('check.submit')}
              </Button>
            </div>
          </Stack>
        </Card>
      </Page>
    </Stack>
  );
}
