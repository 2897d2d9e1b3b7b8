import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { CompetitionCard } from '../components/CompetitionCard';
import { type Competition, type Phase, phaseOf, useCompetitions } from '../hooks/useCompetitions';

const GROUPS: Phase[] = ['open', 'upcoming', 'review', 'results'];

export default function CompetitionsPage() {
  const { t } = useTranslation();
  const query = useCompetitions();
  if (query.isPending) return <PageLoader />;
  if (query.error) throw query.error;
  const byPhase = new Map<Phase, Competition[]>();
  for (const c of query.data.items) byPhase.set(phaseOf(c), [...(byPhase.get(phaseOf(c)) ?? []), c]);
  return (
    <Page title={t('competitions.title')} lead={t('competitions.lead')}>
      {query.data.items.length === 0 && <Text>{t('competitions.none')}</Text>}
      {GROUPS.filter((g) => byPhase.get(g)?.length).map((group) => (
        <Stack key={group} gap="sm" component="section" aria-labelledby={`group-${group}`}>
          <Title order={2} id={`group-${group}`}>
            {t(`competitions.group.${group}`)}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {byPhase.get(group)!.map((c) => (
              <CompetitionCard key={c.id} competition={c} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Page>
  );
}
