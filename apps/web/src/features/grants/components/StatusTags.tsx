import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { Table } from '../../../ui/Table';
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
 * stands beside the tags because the same pages show both: the public card loads them as one chunk. A plain
 * table (`ui/Table`): Mantine's would bring its scroll area and floating-ui (19 KB gzip) to a public page.
 */
export function ResultsTable({ results }: { results: Result[] }) {
  const { t } = useTranslation();
  return (
    <Table minWidth={320} label={t('grants.report.resultsTable')}>
      <thead>
        <tr>
          <th scope="col">{t('grants.report.indicator')}</th>
          <th scope="col">{t('grants.report.target')}</th>
          <th scope="col">{t('grants.report.achieved')}</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r, i) => (
          <tr key={i}>
            <td>{r.indicator}</td>
            <td>{r.target}</td>
            <td>{r.achieved ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
