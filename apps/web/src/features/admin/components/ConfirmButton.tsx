import { type ReactNode, useState } from 'react';
import { Button, type ButtonProps, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * An action behind a confirmation that says what will happen. With `reason`, the dialog asks for
 * one (required) and passes it on.
 */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  reason,
  color,
  loading,
  ...button
}: {
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: (reason: string) => void;
  reason?: string;
  color?: string;
  loading?: boolean;
} & Omit<ButtonProps, 'children'>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  return (
    <>
      <Button color={color} onClick={() => setOpen(true)} loading={loading} {...button}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered>
        <Stack>
          <Text>{message}</Text>
          {reason && (
            <Textarea
              label={reason}
              name="reason"
              id="field-reason"
              required
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('admin.confirm.back')}
            </Button>
            <Button
              color={color}
              disabled={!!reason && !text.trim()}
              onClick={() => {
                setOpen(false);
                onConfirm(text.trim());
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
