import { type ReactNode, useEffect } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Names the page in the tab: "Конкурсы — Гранты". */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.title');
  }, [title, t]);
}

/** A page: its one h1 (also the document title), an optional lead line and the content. */
export function Page({
  title,
  lead,
  children,
  actions,
}: {
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1}>{title}</Title>
        {lead && (
          <Text size="lg" c="dimmed">
            {lead}
          </Text>
        )}
        {actions}
      </Stack>
      {children}
    </Stack>
  );
}
