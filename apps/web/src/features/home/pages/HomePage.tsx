import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../ui/Page';
import { PageLoader } from '../../../ui/StatusPages';
import { CompetitionCard } from '../../competitions/components/CompetitionCard';
import { phaseOf, useCompetitions } from '../../competitions/hooks/useCompetitions';
import { useMe } from '../../identity/hooks/useMe';

export default function HomePage() {
  const { t } = useTranslation();
  usePageTitle(undefined);
  const me = useMe().data;
  const query = useCompetitions();
  const items = query.data?.items ?? [];
  const open = items.filter((c) => phaseOf(c) === 'open' || phaseOf(c) === 'upcoming');
  const results = items.filter((c) => phaseOf(c) === 'results').slice(0, 4);
  return (
    <Stack gap="xl">
      <Paper p={{ base: 'lg', sm: 'xl' }} radius="lg" bg="blue.9" c="white">
        <Stack gap="md" maw={720}>
          <Title order={1} c="white">
            {t('home.title')}
          </Title>
          <Text size="lg" c="blue.0">
            {t('home.lead')}
          </Text>
          <Group gap="sm">
            <Button component={Link} to="/competitions" variant="white" color="blue.9" size="md">
              {t('home.allCompetitions')}
            </Button>
            {!me && (
              <Button component={Link} to="/register" variant="outline" color="white" size="md">
                {t('home.register')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="open-now">
        <Title order={2} id="open-now">
          {t('home.open')}
        </Title>
        {query.isPending ? (
          <PageLoader />
        ) : open.length ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {open.map((c) => (
              <CompetitionCard key={c.id} competition={c} />
            ))}
          </SimpleGrid>
        ) : (
          <Text c="dimmed">{t('home.noneOpen')}</Text>
        )}
      </Stack>

      {results.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="recent-results">
          <Title order={2} id="recent-results">
            {t('home.results')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {results.map((c) => (
              <CompetitionCard key={c.id} competition={c} />
            ))}
          </SimpleGrid>
        </Stack>
      )}

      <Stack gap="xs" component="section" aria-labelledby="reports">
        <Title order={2} id="reports">
          {t('home.reports')}
        </Title>
        <Text c="dimmed">
          {t('home.reportsLead')}{' '}
          <Anchor component={Link} to="/reports">
            {t('home.reportsLink')}
          </Anchor>
        </Text>
      </Stack>
    </Stack>
  );
}
