import { lazy, Suspense, useEffect } from 'react';
import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../api/client';
import { Deadline, ZonedTime } from '../../../ui/Deadline';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { num, Table } from '../../../ui/Table';
import { Tag } from '../../../ui/Tag';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { useMe } from '../../identity/hooks/useMe';
import { PHASE_COLOR } from '../components/CompetitionCard';
import { type Competition, localTitle, phaseOf, useCompetition } from '../hooks/useCompetitions';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {children}
      </Text>
    </div>
  );
}

/**
 * The error summary of a failed "Подать заявку" (Mantine's Alert, the rule texts): only a signed-in
 * applicant can fail it, so only an applicant's browser loads it, as soon as the page shows. Had even that
 * load failed, the connection is gone, and the page says so.
 */
const loadApplyError = () => import('../components/ApplyError');
const ApplyError = lazy(() => loadApplyError().catch(() => ({ default: ApplyErrorOffline })));

function ApplyErrorOffline() {
  const { t } = useTranslation();
  return (
    <Text role="alert" c="red.9" fw={600}>
      {t('errors.offline')}
    </Text>
  );
}

/** "Подать заявку": a visitor signs in first; an applicant gets a new draft and goes to it. */
function ApplyButton({ competition }: { competition: Competition }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/competitions/{id}/applications', {
          params: { path: { id: competition.id } },
          body: { title: t('competition.newApplicationTitle') },
        }),
      ),
    onSuccess: (application) => navigate(`/applications/${(application as { id: string }).id}`),
  });
  const applicant = me?.role === 'applicant';
  useEffect(() => {
    if (applicant) loadApplyError().catch(() => undefined);
  }, [applicant]);
  if (me && !applicant) return null;
  return (
    <Stack gap="xs">
      {create.error && (
        <Suspense fallback={null}>
          <ApplyError error={create.error} />
        </Suspense>
      )}
      {me ? (
        <Button size="md" onClick={() => create.mutate()} loading={create.isPending}>
          {t('competition.apply')}
        </Button>
      ) : (
        <Button size="md" component={Link} to={`/login?next=${encodeURIComponent(`/competitions/${competition.id}`)}`}>
          {t('competition.apply')}
        </Button>
      )}
      {!me && (
        <Text size="sm" c="dimmed">
          {t('competition.applyHint')}{' '}
          <Anchor component={Link} to="/register">
            {t('competition.register')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

function CompetitionView({ competition: c }: { competition: Competition }) {
  const { t, i18n } = useTranslation();
  const phase = phaseOf(c);
  const weightTotal = c.criteria.reduce((s, k) => s + k.weight, 0);
  const documentTypes = c.documentTypes;
  const calendar = `/api/v1/competitions/${c.id}/calendar.ics`;
  const webcal = `webcal://${window.location.host}${calendar}`;
  return (
    <Page title={c.title} lead={c.fundingSource ?? undefined}>
      <Group gap="xs">
        <Tag size="md" color={PHASE_COLOR[phase]}>
          {t(`phase.${phase}`)}
        </Tag>
        <Tag size="md">{t('competition.year', { year: c.year })}</Tag>
      </Group>

      <Card withBorder padding="lg">
        <Stack gap="lg">
          {phase === 'open' && (
            <Deadline at={c.submissionDeadline} zone={c.timezone} label={t('competition.deadline')} />
          )}
          {phase === 'upcoming' && (
            <Deadline at={c.submissionOpensAt} zone={c.timezone} label={t('competition.opensAt')} />
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="lg">
            <Fact label={t('competition.totalBudget')}>{formatMoney(c.totalBudget)}</Fact>
            <Fact label={t('competition.maxGrant')}>{formatMoney(c.maxGrantAmount)}</Fact>
            <Fact label={t('competition.coFinancing')}>
              {c.minCoFinancingPercent > 0
                ? t('competition.coFinancingRule', { percent: c.minCoFinancingPercent })
                : t('competition.coFinancingNone')}
            </Fact>
          </SimpleGrid>
          {phase === 'open' && <ApplyButton competition={c} />}
          {phase === 'results' && (
            <div>
              <Button component={Link} to={`/competitions/${c.id}/results`} variant="light">
                {t('competition.resultsLink')}
              </Button>
            </div>
          )}
        </Stack>
      </Card>

      {c.description && (
        <section aria-labelledby="about">
          <Title order={2} id="about" mb="sm">
            {t('competition.about')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{c.description}</Text>
        </section>
      )}

      <section aria-labelledby="directions">
        <Title order={2} id="directions" mb="sm">
          {t('competition.directions')}
        </Title>
        <List spacing="xs">
          {c.directions.map((d) => (
            <List.Item key={d.code}>{localTitle(d, i18n.language)}</List.Item>
          ))}
        </List>
      </section>

      <section aria-labelledby="dates">
        <Title order={2} id="dates" mb="sm">
          {t('competition.dates')}
        </Title>
        <Stack gap="xs">
          <Text>
            <Text span c="dimmed">
              {t('competition.opensAt')}:{' '}
            </Text>
            <ZonedTime at={c.submissionOpensAt} zone={c.timezone} />
          </Text>
          <Text>
            <Text span c="dimmed">
              {t('competition.deadline')}:{' '}
            </Text>
            <ZonedTime at={c.submissionDeadline} zone={c.timezone} />
          </Text>
          <Text>
            <Text span c="dimmed">
              {t('competition.reviewDeadline')}:{' '}
            </Text>
            <ZonedTime at={c.reviewDeadline} zone={c.timezone} />
          </Text>
          <Group gap="md" mt="xs">
            <Anchor href={webcal}>{t('competition.subscribe')}</Anchor>
            <Anchor href={calendar} download>
              {t('competition.downloadIcs')}
            </Anchor>
          </Group>
        </Stack>
      </section>

      {c.criteria.length > 0 && (
        <section aria-labelledby="criteria">
          <Title order={2} id="criteria" mb="sm">
            {t('competition.criteria')}
          </Title>

          <Table minWidth={300} label={t('competition.criteria')}>
            <thead>
              <tr>
                <th scope="col">{t('competition.criterion')}</th>
                <th scope="col" className={num}>
                  {t('competition.weight')}
                </th>
                <th scope="col" className={num}>
                  {t('competition.maxScore')}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.criteria.map((k) => (
                <tr key={k.code}>
                  <td>{localTitle(k, i18n.language)}</td>
                  <td className={num}>
                    {weightTotal ? `${Math.round((k.weight / weightTotal) * 1000) / 10} %` : k.weight}
                  </td>
                  <td className={num}>{k.maxScore}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      )}

      <section aria-labelledby="documents">
        <Title order={2} id="documents" mb="sm">
          {t('competition.documents')}
        </Title>
        {documentTypes?.length ? (
          <List spacing="xs">
            {documentTypes.map((d) => (
              <List.Item key={d.code}>
                {localTitle(d, i18n.language)}
                {!d.required && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    ({t('competition.optional')})
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text c="dimmed">{t('competition.noDocuments')}</Text>
        )}
      </section>
    </Page>
  );
}

export default function CompetitionPage() {
  const { id = '' } = useParams();
  const query = useCompetition(id);
  if (query.isPending) return <PageLoader />;
  if (query.error) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
      return <NotFoundPage />;
    throw query.error;
  }
  return <CompetitionView competition={query.data} />;
}
