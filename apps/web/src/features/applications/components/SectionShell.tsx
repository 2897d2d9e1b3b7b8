import type { FormEvent, ReactNode } from 'react';
import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Page } from '../../../ui/Page';
import type { Application } from '../hooks/useApplication';
import type { SaveState } from '../hooks/useAutosave';
import { SaveStatus } from './SaveStatus';

/** One section of a draft: its title, the save state, the errors, the form and "Сохранить и продолжить". */
export function SectionShell({
  application,
  title,
  lead,
  state,
  errors,
  onContinue,
  busy,
  children,
}: {
  application: Application;
  title: string;
  lead?: string;
  state: SaveState;
  errors: FieldError[];
  onContinue: () => void;
  busy?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onContinue();
  };
  return (
    <Stack maw={760} w="100%">
      <Anchor component={Link} to={`/applications/${application.id}`} size="sm">
        ← {t('draft.backToTasks', { title: application.title })}
      </Anchor>
      <Page title={title} lead={lead}>
        <ErrorSummary errors={errors} />
        <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
          <Stack gap="lg">
            {children}
            <Group justify="space-between" align="center" wrap="wrap" gap="sm">
              <SaveStatus state={state} />
              <Button type="submit" size="md" loading={busy}>
                {t('draft.continue')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <Text size="sm" c="dimmed">
          {t('draft.autosaveHint')}
        </Text>
      </Page>
    </Stack>
  );
}
