import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { formatMoney } from '../../../ui/money';
import { GroupedBars } from './GroupedBars';

export type Figures = components['schemas']['StatisticsFiguresResponse'];

const pct = (rate: number, decimal: string) => `${(Math.round(rate * 1000) / 10).toString().replace('.', decimal)} %`;

function Tile({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text fz={26} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Paper>
  );
}

/** A chart with its figures also as a table-like list, so they are read without the picture. */
function Chart({
  id,
  title,
  data,
  series,
}: {
  id: string;
  title: string;
  data: Array<Record<string, string | number>>;
  series: Array<{ name: string; label: string; color: string }>;
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      <div aria-hidden="true">
        <GroupedBars data={data} series={series} />
      </div>
      <ul className="visually-hidden">
        {data.map((d) => (
          <li key={String(d.name)}>
            {d.name}: {series.map((s) => `${s.label} ${d[s.name]}`).join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The figures of a year as tiles and charts: by direction, by competition, assisted against unassisted. */
export function ReportFigures({ figures }: { figures: Figures }) {
  const { t, i18n } = useTranslation();
  const decimal = i18n.language === 'ru' ? ',' : '.';
  const f = figures;
  const directionTitle = (d: Figures['byDirection'][number]) =>
    (i18n.language === 'en' ? (d as { titleEn?: string }).titleEn : undefined) ??
    d.title ??
    d.direction ??
    t('report.noDirection');
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Tile label={t('report.competitions')} value={f.competitions} />
        <Tile label={t('report.submitted')} value={f.applications.submitted} />
        <Tile label={t('report.awarded')} value={f.applications.awarded} />
        <Tile label={t('report.amountAwarded')} value={formatMoney(f.amounts.awarded)} />
        <Tile label={t('report.applicants')} value={f.organizations.applicants} />
        <Tile label={t('report.winners')} value={f.organizations.winners} />
        <Tile label={t('report.successRate')} value={pct(f.successRate, decimal)} />
        <Tile label={t('report.assistedAwarded')} value={f.consultantAssisted.awarded} />
      </SimpleGrid>
      <Chart
        id="chart-directions"
        title={t('report.byDirection')}
        data={f.byDirection.map((d) => ({ name: directionTitle(d), submitted: d.submitted, awarded: d.awarded }))}
        series={[
          { name: 'submitted', label: t('report.submitted'), color: 'blue.6' },
          { name: 'awarded', label: t('report.awarded'), color: 'teal.7' },
        ]}
      />
      <Chart
        id="chart-competitions"
        title={t('report.byCompetition')}
        data={f.byCompetition.map((c) => ({ name: c.title, submitted: c.submitted, awarded: c.awarded }))}
        series={[
          { name: 'submitted', label: t('report.submitted'), color: 'blue.6' },
          { name: 'awarded', label: t('report.awarded'), color: 'teal.7' },
        ]}
      />
      <Chart
        id="chart-assisted"
        title={t('report.assistedVsUnassisted')}
        data={[
          {
            name: t('report.assisted'),
            submitted: f.consultantAssisted.submitted,
            awarded: f.consultantAssisted.awarded,
          },
          { name: t('report.unassisted'), submitted: f.unassisted.submitted, awarded: f.unassisted.awarded },
        ]}
        series={[
          { name: 'submitted', label: t('report.submitted'), color: 'blue.6' },
          { name: 'awarded', label: t('report.awarded'), color: 'teal.7' },
        ]}
      />
      <Text>
        {t('report.successCompared', {
          assisted: pct(f.consultantAssisted.successRate, decimal),
          unassisted: pct(f.unassisted.successRate, decimal),
        })}
      </Text>
    </Stack>
  );
}
