import type { FormEvent, ReactNode } from 'react';
import { Button, Card, Stack } from '@mantine/core';
import type { FieldError } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Page } from '../../../ui/Page';
import { TokenInvalid } from './TokenInvalid';

/**
 * The page a mailed link opens to finish something (accept an invitation, set a new password): its form
 * under the title and lead, or, once the link turns out unknown, used or expired, `invalid`'s message with
 * where to get a new link instead of the form.
 */
export function TokenForm({
  width,
  title,
  lead,
  invalid,
  errors,
  onSubmit,
  submitLabel,
  pending,
  children,
}: {
  width: number;
  title: string;
  lead: string;
  invalid: false | { text: string; again: string; to: string };
  errors: FieldError[];
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Stack maw={width} mx="auto" w="100%">
      <Page title={title} lead={invalid ? undefined : lead}>
        {invalid ? (
          <TokenInvalid {...invalid} />
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
              <Stack gap="md">
                {children}
                <Button type="submit" loading={pending} size="md">
                  {submitLabel}
                </Button>
              </Stack>
            </Card>
          </>
        )}
      </Page>
    </Stack>
  );
}
