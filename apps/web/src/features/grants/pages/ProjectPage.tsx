import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { formatMoney } from '../../../ui/money';
import { Page } from '../../../ui/Page';
import { NotFoundPage, PageLoader } from '../../../ui/StatusPages';
import { GrantStatusTag, ResultsTable } from '../components/StatusTags';
import { usePublicGrant } from '../hooks/usePublicGrant';
import { formatDay } from '../../../ui/time';

/** /projects/:id: the public project card, as the Presidential Grants Fund publishes one. */
export default function ProjectPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const card = usePublicGrant(id);
  if (card.isPending) return <PageLoader />;
  if (card.error) {
    if (card.error instanceof ApiError && [400, 404].includes(card.error.status)) return <NotFoundPage />;
    throw card.error;
  }
  const p = card.data;
  const lang = i18n.language;
  return (
    <Page title={p.title} lead={t('projects.lead', { organization: p.organizationName, inn: p.inn })}>
      <div>
        <GrantStatusTag status={p.status} />
      </div>
      {p.summary && <Text style={{ whiteSpace: 'pre-wrap' }}>{p.summary}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" spacing="md" m={0}>
        {[
          [t('projects.competition'), `${p.competitionTitle} (${p.year})`],
          [t('projects.number'), p.registrationNumber],
          [t('grants.amount'), formatMoney(p.amount)],
          [t('grants.coFinancing'), formatMoney(p.coFinancingAmount)],
          [
            t('grants.period'),
            p.projectStart ? `${formatDay(p.projectStart, lang)} — ${formatDay(p.projectEnd, lang)}` : '—',
          ],
        ].map(([label, value]) => (
          <Stack gap={2} key={label}>
            <Text size="sm" c="dimmed" component="dt">
              {label}
            </Text>
            <Text component="dd" m={0}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <section aria-labelledby="project-results">
        <Title order={2} size="h3" id="project-results" mb="xs">
          {t('projects.results')}
        </Title>
        {p.results === null ? <Text>{t('projects.resultsLater')}</Text> : <ResultsTable results={p.results} />}
      </section>
      <div>
        <Anchor component={Link} to={`/competitions/${p.competitionId}/results`}>
          {t('projects.allResults')}
        </Anchor>
      </div>
    </Page>
  );
}
