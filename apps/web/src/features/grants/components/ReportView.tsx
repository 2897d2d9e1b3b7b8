import type { ReactNode } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../ui/money';
import type { GrantReport } from '../hooks/useGrants';
import { ReportDocumentList } from './ReportDocuments';
import { ResultsTable } from './StatusTags';

/** One topic of the report: its heading (naming the section) and what was written. */
function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

const money = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const;

/**
 * A report as submitted: what was done, each result beside its target, each line's spending beside its
 * plan, and its files to download.
 */
export function ReportView({ report }: { report: GrantReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <ReportSection id="report-narrative" title={t('grants.report.narrative')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{report.narrative || t('grants.report.empty')}</Text>
      </ReportSection>
      {report.results.length > 0 && (
        <ReportSection id="report-results" title={t('grants.report.results')}>
          <ResultsTable results={report.results} />
        </ReportSection>
      )}
      {report.expenditures.length > 0 && (
        <ReportSection id="report-expenditures" title={t('grants.report.expenditures')}>
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.report.item')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('grants.report.planned')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('grants.report.spent')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.expenditures.map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{e.item}</Table.Td>
                    <Table.Td {...money}>{formatMoney(e.planned)}</Table.Td>
                    <Table.Td {...money}>{e.spent === null ? '—' : formatMoney(e.spent)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('grants.report.total')}</Table.Th>
                  <Table.Td {...money}>{formatMoney(report.plannedTotal)}</Table.Td>
                  <Table.Td {...money}>{formatMoney(report.spentTotal)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </ReportSection>
      )}
      <ReportDocumentList report={report} />
    </Stack>
  );
}
