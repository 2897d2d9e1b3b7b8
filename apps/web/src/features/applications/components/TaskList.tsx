import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tag, type TagColor } from '../../../ui/Tag';
import type { Application, Checklist, Remark } from '../hooks/useApplication';
import { remarksIn, SECTIONS, type SectionStatus, sectionStatus } from './sections';
import classes from './TaskList.module.css';

const STATUS_COLOR: Record<SectionStatus, TagColor> = { notStarted: 'gray', inProgress: 'yellow', complete: 'green' };

/** GOV.UK's task list: each section of the draft, its state (from the server's checklist) and its remarks. */
export function TaskList({
  application,
  checklist,
  remarks,
  documentsCount,
}: {
  application: Application;
  checklist?: Checklist;
  remarks: Remark[];
  documentsCount: number;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md">
      <ol className={classes.list} aria-label={t('draft.taskList')}>
        {SECTIONS.map((section, i) => {
          const status = sectionStatus(section, application, checklist, documentsCount);
          const count = remarksIn(section, remarks);
          return (
            <li key={section} className={classes.item} data-section={section}>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/applications/${application.id}/edit/${section}`} fw={600} size="lg">
                  {i + 1}. {t(`draft.sections.${section}`)}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(`draft.sectionHints.${section}`)}
                </Text>
                {count > 0 && (
                  <Text size="sm" c="#7a4d00" fw={600}>
                    {t('draft.remarksCount', { count })}
                  </Text>
                )}
              </Stack>
              <Group gap="xs" justify="flex-end">
                <Tag color={STATUS_COLOR[status]}>{t(`draft.status.${status}`)}</Tag>
              </Group>
            </li>
          );
        })}
      </ol>
    </Paper>
  );
}
