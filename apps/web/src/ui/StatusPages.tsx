import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from './Page';

/** The portal's "not found": unknown paths and anything the person may not see (never someone's data). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.lead')}>
      <div>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </div>
    </Page>
  );
}

export function ErrorPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('failure.title')} lead={t('failure.lead')}>
      <div>
        <Button onClick={() => window.location.reload()}>{t('failure.reload')}</Button>
      </div>
    </Page>
  );
}

/** A route that another part of the portal will fill; says so instead of a blank page. */
export function NotBuiltPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notBuilt.title')} lead={t('notBuilt.lead')}>
      <div>
        <Button component={Link} to="/" variant="light">
          {t('notFound.home')}
        </Button>
      </div>
    </Page>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden="true" />
        <Text size="sm" c="dimmed" role="status">
          {t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** Catches what a page throws while rendering and shows "something went wrong" instead of a blank screen. */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey?: string },
  { failed: boolean; key?: string }
> {
  state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { failed: boolean; key?: string }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('Page failed', error, info.componentStack);
  }

  render() {
    return this.state.failed ? <ErrorPage /> : this.props.children;
  }
}
