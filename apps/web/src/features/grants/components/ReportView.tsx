import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../ui/money';
import type { GrantReport } from '../hooks/useGrants';
import { ReportDocumentList } from './ReportDocuments';

/**
 * A report as submitted: what was done, each result beside its target, each line's spending beside its
 * plan, and its files to download.
 */
export function ReportView({ report }: { report: GrantReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <section aria-labelledby="report-narrative">
        <Title order={2} size="h3" id="report-narrative" mb="xs">
          {t('grants.report.narrative')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{report.narrative || t('grants.report.empty')}</Text>
      </section>
      {report.results.length > 0 && (
        <section aria-labelledby="report-results">
          <Title order={2} size="h3" id="report-results" mb="xs">
            {t('grants.report.results')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.report.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('grants.report.target')}</Table.Th>
                  <Table.Th scope="col">{t('grants.report.achieved')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.results.map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{r.indicator}</Table.Td>
                    <Table.Td>{r.target}</Table.Td>
                    <Table.Td>{r.achieved ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      {report.expenditures.length > 0 && (
        <section aria-labelledby="report-expenditures">
          <Title order={2} size="h3" id="report-expenditures" mb="xs">
            {t('grants.report.expenditures')}
          </Title>
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
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(e.planned)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {e.spent === null ? '—' : formatMoney(e.spent)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('grants.report.total')}</Table.Th>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(report.plannedTotal)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(report.spentTotal)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      <ReportDocumentList report={report} />
    </Stack>
  );
}
