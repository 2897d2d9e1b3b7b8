import { type FormEvent, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { ZonedTime } from '../../../ui/Deadline';
import { describeError, errorsOf } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { Tag, type TagColor } from '../../../ui/Tag';
import { fieldLink } from '../components/sections';
import {
  type Consultation,
  useApplication,
  useApplicationConsultations,
  useCompetitionOf,
  useConsultation,
} from '../hooks/useApplication';

const STATUS_COLOR: Record<string, TagColor> = { requested: 'yellow', in_progress: 'blue', completed: 'green' };

/** The label of a remark's field: "Бюджет, строка 1, сумма" for `budgetLines.0.amount`. */
function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string) => {
    const cell = /^(budgetLines|expectedResults)\.(\d+)\.(\w+)$/.exec(field);
    if (cell)
      return t('consult.cell', {
        list: t(`fields.${cell[1]}`),
        row: Number(cell[2]) + 1,
        column: t(`draft.columns.${cell[3]}`),
      });
    return t(`fields.${field}`, { defaultValue: field });
  };
}

function ConsultationCard({
  consultation: c,
  zone,
  editable,
}: {
  consultation: Consultation;
  zone: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const detail = useConsultation(c.id, c.status !== 'requested');
  return (
    <Card withBorder padding="lg" component="article" aria-label={t('consult.cardLabel')}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Tag color={STATUS_COLOR[c.status]}>{t(`consult.status.${c.status}`)}</Tag>
          <Text size="sm" c="dimmed">
            {t('consult.askedAt')} <ZonedTime at={c.requestedAt} zone={zone} />
          </Text>
        </Group>
        <div>
          <Text size="sm" c="dimmed">
            {t('consult.question')}
          </Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{c.question}</Text>
        </div>
        {detail.data?.consultantName && (
          <Text size="sm">
            {t('consult.consultant')}: <strong>{detail.data.consultantName}</strong>
          </Text>
        )}
        {c.status === 'completed' && (
          <>
            <Alert
              color={c.verdict === 'ready' ? '#1b5e20' : '#7a4d00'}
              variant="light"
              title={t(`consult.verdict.${c.verdict}`)}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {c.comment}
              </Text>
            </Alert>
            {c.remarks.length > 0 && (
              <div>
                <Title order={3} size="h5" mb="xs">
                  {t('consult.remarks', { count: c.remarks.length })}
                </Title>
                <List spacing="xs">
                  {c.remarks.map((r, i) => (
                    <List.Item key={i}>
                      <Text size="sm">
                        <strong>{label(r.field)}:</strong> {r.text}{' '}
                        {editable && (
                          <Anchor component={Link} to={fieldLink(c.applicationId, r.field)} size="sm">
                            {t('consult.fix')}
                          </Anchor>
                        )}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

/** /applications/:id/consultations — ask the Resource Center about the draft; answers, verdicts, remarks. */
export default function ApplicationConsultationsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const application = useApplication(id);
  const competition = useCompetitionOf(application.data);
  const consultations = useApplicationConsultations(id, application.isSuccess);
  const [question, setQuestion] = useState('');
  const ask = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/applications/{id}/consultations', { params: { path: { id } }, body: { question } })),
    onSuccess: () => {
      setQuestion('');
      void queryClient.invalidateQueries({ queryKey: keys.consultationsOf(id) });
    },
  });
  if (application.error) {
    if (application.error instanceof ApiError && [400, 404].includes(application.error.status)) return <NotFoundPage />;
    throw application.error;
  }
  if (competition.error) throw competition.error;
  if (!application.data || !competition.data) return <PageLoader />;
  const a = application.data;
  const c = competition.data;
  const accepting = a.status === 'draft' && c.status === 'open';
  const errors = ask.error ? describeError(ask.error, t).map((e) => (e.field ? e : { ...e, field: undefined })) : [];
  const items = [...(consultations.data?.items ?? [])].reverse();
  const submitQuestion = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  return (
    <Stack maw={760} w="100%">
      <Anchor component={Link} to={`/applications/${a.id}`} size="sm">
        ← {t('draft.backToTasks', { title: a.title })}
      </Anchor>
      <Page title={t('consult.title')} lead={t('consult.lead')}>
        <ErrorSummary errors={errors} />
        {ask.isSuccess && (
          <Alert color="#1b5e20" variant="light" role="status">
            {t('consult.asked')}
          </Alert>
        )}
        {accepting ? (
          <Card withBorder padding="lg" component="form" onSubmit={submitQuestion} noValidate>
            <Stack gap="md">
              <Textarea
                id={fieldId('question')}
                name="question"
                label={t('consult.yourQuestion')}
                description={t('consult.questionHint')}
                required
                autosize
                minRows={4}
                maxLength={5000}
                value={question}
                onChange={(e) => setQuestion(e.currentTarget.value)}
                error={errorsOf(errors, 'question')}
              />
              <div>
                <Button type="submit" size="md" loading={ask.isPending}>
                  {t('consult.ask')}
                </Button>
              </div>
            </Stack>
          </Card>
        ) : (
          <Alert color="gray" variant="light">
            {t('consult.closed')}
          </Alert>
        )}
        <section aria-labelledby="history">
          <Title order={2} id="history" mb="sm">
            {t('consult.history')}
          </Title>
          {items.length ? (
            <Stack gap="md">
              {items.map((item) => (
                <ConsultationCard key={item.id} consultation={item} zone={c.timezone} editable={a.status === 'draft'} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">{consultations.isPending ? t('common.loading') : t('consult.none')}</Text>
          )}
        </section>
      </Page>
    </Stack>
  );
}
