import type { ReactNode } from 'react';
import { Alert, Button, Group } from '@mantine/core';
import type { FieldError } from '../../../ui/errors';
import { FormCard } from '../../../ui/FormCard';

const green = { title: { color: '#1e5e2d' }, message: { color: '#1e5e2d' } };

/** "Saved" (or "sent") said in a live region once `shown`, where the person's eyes are: beside the button. */
export function SavedNote({ shown, children }: { shown: boolean; children: ReactNode }) {
  return (
    <div role="status">
      {shown && (
        <Alert color="green" variant="light" styles={green}>
          {children}
        </Alert>
      )}
    </div>
  );
}

/**
 * One card of settings (the person's name and language, their password, the organization's details): its
 * heading, the error summary, the fields, "saved" once `saved`, and the submit button.
 */
export function SettingsForm({
  id,
  title,
  errors,
  onSubmit,
  saved,
  savedText,
  submitLabel,
  pending,
  children,
}: {
  id: string;
  title: string;
  errors: FieldError[];
  onSubmit: () => void;
  saved: boolean;
  savedText: string;
  submitLabel: string;
  pending: boolean;
  children: ReactNode;
}) {
  return (
    <FormCard id={id} title={title} errors={errors} onSubmit={onSubmit}>
      {children}
      <SavedNote shown={saved}>{savedText}</SavedNote>
      <Group>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </FormCard>
  );
}
