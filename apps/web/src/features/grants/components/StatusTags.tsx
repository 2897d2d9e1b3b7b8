import { useTranslation } from 'react-i18next';
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
