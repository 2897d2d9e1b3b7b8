import { Anchor, Group, List, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChecklistItem } from '../hooks/useApplication';
import { fieldLink } from './sections';

/** The server's verdict on each submit rule: passed or not, in words, with links to the fields to fix. */
export function ChecklistItems({
  applicationId,
  items,
  stale,
}: {
  applicationId: string;
  items: ChecklistItem[];
  stale?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <List spacing="sm" listStyleType="none" pl={0} aria-busy={stale || undefined} data-testid="checklist">
      {items.map((item) => (
        <List.Item
          key={item.code}
          data-code={item.code}
          data-ok={item.ok}
          icon={
            <ThemeIcon color={item.ok ? 'green.8' : 'red.8'} size={24} radius="xl" aria-hidden="true">
              {item.ok ? '✓' : '!'}
            </ThemeIcon>
          }
        >
          <Text fw={600} size="sm">
            <span className="visually-hidden">{item.ok ? t('check.passed') : t('check.failed')}: </span>
            {t(`check.rules.${item.code}.${item.ok ? 'ok' : 'fail'}`, { defaultValue: item.message })}
          </Text>
          {!item.ok && item.fields.length > 0 && (
            <Group gap="xs" mt={2}>
              <Text size="sm" span>
                {t('check.fix')}
              </Text>
              {item.fields.map((field) => (
                <Anchor key={field} component={Link} to={fieldLink(applicationId, field)} size="sm">
                  {t(`fields.${field}`, { defaultValue: field })}
                </Anchor>
              ))}
            </Group>
          )}
        </List.Item>
      ))}
    </List>
  );
}
