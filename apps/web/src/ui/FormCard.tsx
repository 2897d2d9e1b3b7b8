import type { FormEvent, ReactNode } from 'react';
import { Card, Stack, Title } from '@mantine/core';
import type { FieldError } from './errors';
import { ErrorSummary } from './ErrorSummary';

/**
 * A form that is a card of its own, named by its heading: the heading, the error summary, then
 * `children` (fields and buttons). `onSubmit` runs instead of the browser's submit.
 */
export function FormCard({
  id,
  title,
  errors,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  errors: FieldError[];
  onSubmit: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <ErrorSummary errors={errors} />
        {children}
      </Stack>
    </Card>
  );
}
