import { useTranslation } from 'react-i18next';
import { Tag, type TagColor } from '../../../ui/Tag';

const COLOR: Record<string, TagColor> = {
  draft: 'yellow',
  submitted: 'blue',
  under_review: 'blue',
  reviewed: 'blue',
  awarded: 'green',
  not_awarded: 'gray',
  withdrawn: 'gray',
  not_submitted: 'gray',
  ineligible: 'red',
};

/** An application's status in words. */
export function StatusTag({ status, size }: { status: string; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status] ?? 'gray'} size={size}>
      {t(`applicationStatus.${status}`)}
    </Tag>
  );
}
