import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Countdown, ZonedTime } from '../../../ui/Deadline';
import { formatMoney } from '../../../ui/money';
import { Tag, type TagColor } from '../../../ui/Tag';
import { type Competition, phaseOf } from '../hooks/useCompetitions';

export const PHASE_COLOR: Record<string, TagColor> = {
  open: 'green',
  upcoming: 'blue',
  review: 'yellow',
  results: 'gray',
  closed: 'gray',
};

/** A competition in a list: title (the link), phase, the next date that matters and the money. */
export function CompetitionCard({
  competition: c,
  headingLevel = 3,
}: {
  competition: Competition;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const phase = phaseOf(c);
  const Heading = `h${headingLevel}` as const;
  return (
    <Card withBorder padding="lg" radius="md" component="article">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Heading style={{ margin: 0, fontSize: 'var(--mantine-font-size-lg)', lineHeight: 1.35 }}>
            <Anchor component={Link} to={`/competitions/${c.id}`} c="dark.8" fw={700} underline="hover">
              {c.title}
            </Anchor>
          </Heading>
          <Tag color={PHASE_COLOR[phase]}>{t(`phase.${phase}`)}</Tag>
        </Group>
        {phase === 'open' && (
          <Text size="sm">
            {t('competition.acceptingUntil')} <ZonedTime at={c.submissionDeadline} zone={c.timezone} />
            <br />
            <Text span fw={600} c="blue.9">
              <Countdown to={c.submissionDeadline} />
            </Text>
          </Text>
        )}
        {phase === 'upcoming' && (
          <Text size="sm">
            {t('competition.opensAt')} <ZonedTime at={c.submissionOpensAt} zone={c.timezone} />
          </Text>
        )}
        {phase === 'review' && <Text size="sm">{t('competition.underReview')}</Text>}
        {phase === 'results' && (
          <Anchor component={Link} to={`/competitions/${c.id}/results`} size="sm">
            {t('competition.resultsLink')}
          </Anchor>
        )}
        <Text size="sm" c="dimmed">
          {t('competition.budgetLine', { total: formatMoney(c.totalBudget), max: formatMoney(c.maxGrantAmount) })}
        </Text>
      </Stack>
    </Card>
  );
}
