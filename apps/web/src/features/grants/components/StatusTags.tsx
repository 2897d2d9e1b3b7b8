import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { Tag, type TagColor } from '../../../ui/Tag';
import type { GrantStatus, ReportStatus } from '../hooks/useGrants';

const GRANT_COLORS: Record<GrantStatus, TagColor> = {
  awaiting_agreement: 'yellow',
  active: 'blue',
  completed: 'green',
  terminated: 'gray',
};

const REPORT_COLORS: Record<ReportStatus, TagColor> = {
  pending: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
};

export function GrantStatusTag({ status }: { status: GrantStatus }) {
  const { t } = useTranslation();
  return <Tag color={GRANT_COLORS[status]}>{t(`grants.status.${status}`)}</Tag>;
}

/** A report's status, and "просрочен" when its due date passed without a submission. */
export function ReportStatusTag({ status, overdue }: { status: ReportStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={REPORT_COLORS[status]}>{t(`grants.reportStatus.${status}`)}</Tag>
      {overdue && (
        <>
          {' '}
          <Tag color="red">{t('grants.overdue')}</Tag>
        </>
      )}
    </>
  );
}

/** A report's result or a public card's: the same three fields. */
type Result = components['schemas']['ReportResultResponse'] | components['schemas']['PublicGrantResult'];

/**
 * A project's results, each beside its target: in a submitted report and on the public project card. It
 * stands beside the tags because the same pages show both: the public card loads them as one chunk.
 */
export function ResultsTable({ results }: { results: Result[] }) {
  const { t } = useTranslation();
  return (
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
          {results.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>{r.indicator}</Table.Td>
              <Table.Td>{r.target}</Table.Td>
              <Table.Td>{r.achieved ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
